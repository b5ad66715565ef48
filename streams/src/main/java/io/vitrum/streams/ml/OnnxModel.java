package io.vitrum.streams.ml;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One model version loaded into an ONNX Runtime session, checked against its card: the file's
 * sha256 and every input's and output's name, type and shape. {@link #run} is thread-safe (ONNX
 * Runtime sessions are); intra-op threads come from the settings.
 */
public final class OnnxModel implements AutoCloseable {
  /** A tensor: its values, row-major, and its shape. */
  public record Tensor(float[] values, long[] shape) {}

  private final ModelCard card;
  private final OrtEnvironment env;
  private final OrtSession session;

  private OnnxModel(ModelCard card, OrtEnvironment env, OrtSession session) {
    this.card = card;
    this.env = env;
    this.session = session;
  }

  /**
   * Loads {@code file}, described by {@code card}, with {@code threads} intra-op threads.
   *
   * @throws IllegalArgumentException when the file does not match its card
   */
  public static OnnxModel load(Path file, ModelCard card, int threads) {
    String sha = sha256(file);
    if (!sha.equals(card.sha256())) {
      throw new IllegalArgumentException(
          file + " has sha256 " + sha + ", its card says " + card.sha256());
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try {
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = env.createSession(file.toString(), options);
      OnnxModel model = new OnnxModel(card, env, session);
      List<String> mismatches = model.mismatches();
      if (!mismatches.isEmpty()) {
        session.close();
        throw new IllegalArgumentException(
            file + " does not match its card: " + String.join("; ", mismatches));
      }
      return model;
    } catch (OrtException e) {
      throw new IllegalArgumentException("ONNX Runtime cannot load " + file + ": " + e, e);
    }
  }

  /** The hex sha256 of {@code file}. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public ModelCard card() {
    return card;
  }

  /**
   * Runs the model on its single input {@code input} and returns every output by name.
   *
   * @throws IllegalStateException when ONNX Runtime fails
   */
  public Map<String, Tensor> run(Tensor input) {
    String name = card.inputs().get(0).name();
    try (OnnxTensor tensor =
            OnnxTensor.createTensor(env, FloatBuffer.wrap(input.values()), input.shape());
        OrtSession.Result result = session.run(Map.of(name, tensor))) {
      Map<String, Tensor> out = new HashMap<>();
      for (Map.Entry<String, OnnxValue> e : result) {
        OnnxTensor t = (OnnxTensor) e.getValue();
        FloatBuffer buffer = t.getFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        out.put(e.getKey(), new Tensor(values, t.getInfo().getShape()));
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException(card.name() + "/" + card.version() + " failed: " + e, e);
    }
  }

  private List<String> mismatches() throws OrtException {
    List<String> out = new ArrayList<>();
    compare("input", card.inputs(), session.getInputInfo(), out);
    compare("output", card.outputs(), session.getOutputInfo(), out);
    return out;
  }

  private static void compare(
      String kind, List<TensorCard> declared, Map<String, NodeInfo> actual, List<String> out) {
    if (declared.size() != actual.size()) {
      out.add(kind + "s: card has " + declared.size() + ", file has " + actual.keySet());
    }
    for (TensorCard t : declared) {
      NodeInfo info = actual.get(t.name());
      if (info == null) {
        out.add("no " + kind + " named " + t.name() + " (file has " + actual.keySet() + ")");
      } else if (!(info.getInfo() instanceof TensorInfo ti)) {
        out.add(kind + " " + t.name() + " is not a tensor");
      } else {
        if (!Arrays.equals(ti.getShape(), t.dims())) {
          out.add(
              kind
                  + " "
                  + t.name()
                  + ": card shape "
                  + Arrays.toString(t.dims())
                  + ", file "
                  + Arrays.toString(ti.getShape()));
        }
        if (ti.type != OnnxJavaType.FLOAT || !"float32".equals(t.type())) {
          out.add(kind + " " + t.name() + ": type " + ti.type + " vs card " + t.type());
        }
      }
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
