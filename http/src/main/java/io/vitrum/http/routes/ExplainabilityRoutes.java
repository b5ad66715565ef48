package io.vitrum.http.routes;

import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.security.Principal;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import io.vitrum.streams.inference.Explainer;
import io.vitrum.streams.inference.LatestPredictions;
import io.vitrum.streams.inference.Predicted;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/explainability/prediction?furnace=F1}: the furnace's latest prediction on this
 * node with why (KernelSHAP over the forecaster and the ensemble, run on the inference dispatcher
 * when asked; the forecaster's attention; the GNN's top sensors), in plain words.
 */
public final class ExplainabilityRoutes extends AllDirectives {
  static final Endpoint PREDICTION = Endpoint.get("/api/explainability/prediction", Scope.PLANT);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(PREDICTION);

  private final LatestPredictions latest;
  private final Explainer explainer;
  private final Executor executor;

  public ExplainabilityRoutes(LatestPredictions latest, Explainer explainer, Executor executor) {
    this.latest = latest;
    this.explainer = explainer;
    this.executor = executor;
  }

  public Route routes() {
    return path(
        PathMatchers.segment("explainability").slash("prediction"),
        () ->
            Access.serve(
                PREDICTION,
                caller ->
                    parameterOptional(
                        "furnace",
                        furnace ->
                            explain(
                                caller,
                                furnace.orElseThrow(
                                    () ->
                                        HistoryParameters.invalid(
                                            "name the furnace: ?furnace=F1"))))));
  }

  private Route explain(Principal caller, String furnace) {
    if (!FurnaceId.isValid(furnace)) {
      throw HistoryParameters.invalid("furnace '" + furnace + "' is not a furnace id");
    }
    if (!caller.sees(furnace)) {
      throw new ProblemException(Access.notFound(Scope.FURNACE, furnace));
    }
    Predicted predicted =
        latest
            .of(furnace)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            404,
                            "prediction-not-found",
                            "No prediction yet",
                            "the models have not predicted for "
                                + furnace
                                + " yet (the forecaster needs an hour of feature vectors)")));
    return onSuccess(
        CompletableFuture.supplyAsync(() -> explainer.explain(predicted), executor),
        e -> completeOK(e, Jackson.marshaller(Json.mapper())));
  }
}
