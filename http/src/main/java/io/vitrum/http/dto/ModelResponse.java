package io.vitrum.http.dto;

import io.vitrum.actors.model.Model;
import io.vitrum.actors.model.ModelVersion;
import java.util.List;
import java.util.Map;

/**
 * A model as {@code GET /api/models/{name}} shows it: its registered versions (from the Model
 * entity), the active and shadow ones, the order versions were active in, the live quality of the
 * active one, and the version this node serves.
 *
 * @param name the model
 * @param active the active version ({@code null}: none registered)
 * @param shadow the shadow version ({@code null}: none)
 * @param served the version this node runs ({@code null}: none)
 * @param versions the registered versions
 * @param activations the versions active so far, oldest first (a rollback returns to the one before
 *     the last)
 * @param liveQuality the latest live figures of the active version
 * @param liveDrift the latest population stability index of each input column of the active
 *     version, live rows against its training distribution (empty: none measured yet)
 */
public record ModelResponse(
    String name,
    String active,
    String shadow,
    String served,
    List<ModelVersion> versions,
    List<Model.Activation> activations,
    Map<String, Double> liveQuality,
    Map<String, Double> liveDrift) {
  public static ModelResponse of(Model.ModelView view, String served) {
    return new ModelResponse(
        view.name(),
        view.active(),
        view.shadow(),
        served,
        view.versions(),
        view.activations(),
        view.liveQuality(),
        view.liveDrift());
  }
}
