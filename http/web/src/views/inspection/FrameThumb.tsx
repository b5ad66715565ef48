import { useEffect, useState } from 'preact/hooks';
import { currentToken } from '../../api/session';
import { t } from './labels';

/**
 * A frame's picture. The image endpoint needs the bearer token, which an `<img src>` cannot send:
 * the PNG is fetched with it and shown from a blob URL, released when the card goes.
 */
export function FrameThumb(props: { src?: string; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!props.src || typeof URL.createObjectURL !== 'function') return undefined;
    let made: string | null = null;
    let cancelled = false;
    const token = currentToken();
    fetch(props.src, { headers: token ? { Authorization: `Bearer ${token}`, Accept: 'image/png' } : { Accept: 'image/png' } })
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (!blob || cancelled) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(() => {
        /* the card shows "no image" */
      });
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [props.src]);
  return url ? (
    <img class="frame-img" src={url} alt={props.alt} />
  ) : (
    <div class="frame-img frame-none" role="img" aria-label={props.alt}>
      {props.src ? '' : t('noImage')}
    </div>
  );
}
