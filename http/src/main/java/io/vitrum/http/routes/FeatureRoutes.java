package io.vitrum.http.routes;

import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.security.Principal;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.FeatureVectorResponse;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import io.vitrum.streams.features.LatestFeatures;
import java.util.List;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/features/latest?furnace=F1}: the newest feature vector the live feature stage
 * computed for the furnace on this node ({@link FeatureVectorResponse}).
 */
public final class FeatureRoutes extends AllDirectives {
  static final Endpoint LATEST = Endpoint.get("/api/features/latest", Scope.PLANT);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(LATEST);

  private final LatestFeatures latest;

  public FeatureRoutes(LatestFeatures latest) {
    this.latest = latest;
  }

  public Route routes() {
    return pathPrefix(
        "features",
        () ->
            path(
                "latest",
                () ->
                    Access.serve(
                        LATEST,
                        caller ->
                            parameterOptional(
                                "furnace",
                                furnace ->
                                    latest(
                                        caller,
                                        furnace.orElseThrow(
                                            () ->
                                                HistoryParameters.invalid(
                                                    "name the furnace: ?furnace=F1")))))));
  }

  private Route latest(Principal caller, String furnace) {
    if (!FurnaceId.isValid(furnace)) {
      throw HistoryParameters.invalid("furnace '" + furnace + "' is not a furnace id");
    }
    if (!caller.sees(furnace)) {
      throw new ProblemException(Access.notFound(Scope.FURNACE, furnace));
    }
    FeatureVector v =
        latest
            .of(furnace)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            404,
                            "features-not-found",
                            "No features yet",
                            "the live feature stage has no vector for " + furnace + " yet")));
    return completeOK(FeatureVectorResponse.of(v), Jackson.marshaller(Json.mapper()));
  }
}
