package io.vitrum.http.routes;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.policy.Policy;
import io.vitrum.actors.policy.PolicySettings;
import io.vitrum.actors.policy.PolicyVersion;
import io.vitrum.actors.policy.Recommendation;
import io.vitrum.actors.policy.RecommendationStatus;
import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.dto.AutonomyStatusResponse;
import io.vitrum.http.dto.AutonomyStatusResponse.FurnaceAutonomy;
import io.vitrum.http.dto.PolicyDeployRequest;
import io.vitrum.http.dto.PolicyResponse;
import io.vitrum.http.dto.PolicyTrainRequest;
import io.vitrum.http.dto.PolicyVersionRequest;
import io.vitrum.http.dto.ReasonRequest;
import io.vitrum.http.dto.RecommendationResponse;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The furnaces' policies ({@code /api/policies/{furnace}}: show, train, stop training, evaluate,
 * deploy, roll back), their recommendations ({@code /api/recommendations}, approve and reject) and
 * the autonomy status of the plant. A furnace whose Policy entity knows no version yet is offered
 * the committed production version ({@code policy@prod} of the models index), which evaluate and
 * deploy register with the entity first. Training and evaluation are accepted at once (202) and run
 * off the entity; {@code GET} shows their progress.
 */
public final class PolicyRoutes extends AllDirectives {
  static final Endpoint SHOW = Endpoint.get("/api/policies/{furnace}", Scope.FURNACE);
  static final Endpoint TRAIN =
      Endpoint.of(
          "POST", "/api/policies/{furnace}/train", Scope.FURNACE, Role.ADMIN, Role.INTEGRATOR);
  static final Endpoint STOP_TRAINING =
      Endpoint.of(
          "DELETE", "/api/policies/{furnace}/train", Scope.FURNACE, Role.ADMIN, Role.INTEGRATOR);
  static final Endpoint EVALUATE =
      Endpoint.of(
          "POST", "/api/policies/{furnace}/evaluate", Scope.FURNACE, Role.ADMIN, Role.INTEGRATOR);
  static final Endpoint DEPLOY =
      Endpoint.of("POST", "/api/policies/{furnace}/deploy", Scope.FURNACE, Role.OPERATOR);
  static final Endpoint ROLLBACK =
      Endpoint.of("POST", "/api/policies/{furnace}/rollback", Scope.FURNACE, Role.OPERATOR);
  static final Endpoint RECOMMENDATIONS = Endpoint.get("/api/recommendations", Scope.PLANT);
  static final Endpoint APPROVE =
      Endpoint.of("POST", "/api/recommendations/{id}/approve", Scope.FURNACE, Role.OPERATOR);
  static final Endpoint REJECT =
      Endpoint.of("POST", "/api/recommendations/{id}/reject", Scope.FURNACE, Role.OPERATOR);
  static final Endpoint AUTONOMY = Endpoint.get("/api/autonomy/status", Scope.PLANT);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS =
      List.of(
          SHOW,
          TRAIN,
          STOP_TRAINING,
          EVALUATE,
          DEPLOY,
          ROLLBACK,
          RECOMMENDATIONS,
          APPROVE,
          REJECT,
          AUTONOMY);

  private final ClusterSharding sharding;
  private final HttpSettings settings;
  private final Supplier<Optional<PolicyVersion>> committed;
  private final Supplier<Set<String>> furnaces;
  private final PolicySettings policy;
  private final int defaultIterations;
  private final JsonBody body;

  /**
   * @param committed the committed production version, if the models index has one
   * @param furnaces the furnaces of the plant (the tag map in force)
   * @param defaultIterations what a training request that names none asks for
   */
  public PolicyRoutes(
      ClusterSharding sharding,
      HttpSettings settings,
      Supplier<Optional<PolicyVersion>> committed,
      Supplier<Set<String>> furnaces,
      PolicySettings policy,
      int defaultIterations) {
    this.sharding = sharding;
    this.settings = settings;
    this.committed = committed;
    this.furnaces = furnaces;
    this.policy = policy;
    this.defaultIterations = defaultIterations;
    this.body = new JsonBody(settings);
  }

  public Route routes() {
    return concat(
        pathPrefix(
            "policies",
            () ->
                pathPrefix(
                    PathMatchers.segment(),
                    id ->
                        furnace(
                            id,
                            () ->
                                concat(
                                    pathEnd(() -> Access.serve(SHOW, id, caller -> show(id))),
                                    path(
                                        "train",
                                        () ->
                                            concat(
                                                Access.serve(
                                                    TRAIN, id, caller -> train(id, caller)),
                                                Access.serve(
                                                    STOP_TRAINING,
                                                    id,
                                                    caller -> stopTraining(id, caller)))),
                                    path(
                                        "evaluate",
                                        () -> Access.serve(EVALUATE, id, c -> evaluate(id, c))),
                                    path(
                                        "deploy",
                                        () -> Access.serve(DEPLOY, id, c -> deploy(id, c))),
                                    path(
                                        "rollback",
                                        () -> Access.serve(ROLLBACK, id, c -> rollback(id, c))))))),
        pathPrefix(
            "recommendations",
            () ->
                concat(
                    pathEnd(() -> Access.serve(RECOMMENDATIONS, this::recommendations)),
                    pathPrefix(
                        PathMatchers.segment(),
                        id -> {
                          String furnace = furnaceOf(id);
                          return concat(
                              path(
                                  "approve",
                                  () ->
                                      Access.serve(APPROVE, furnace, c -> approve(furnace, id, c))),
                              path(
                                  "reject",
                                  () ->
                                      Access.serve(REJECT, furnace, c -> reject(furnace, id, c))));
                        }))),
        path(
            PathMatchers.segment("autonomy").slash("status"),
            () -> Access.serve(AUTONOMY, this::autonomy)));
  }

  private Route furnace(String id, Supplier<Route> inner) {
    if (!FurnaceId.isValid(id)) {
      throw new ProblemException(
          Problem.of(
              400,
              "invalid-furnace-id",
              "Invalid furnace id",
              "furnace id '" + id + "' must be 1-32 letters, digits, '-' or '_'"));
    }
    return inner.get();
  }

  /**
   * The furnace of recommendation {@code <furnace>.<n>}: what the caller's scope is checked against
   * (an id of another shape names no recommendation of that furnace, and is not found).
   */
  private static String furnaceOf(String id) {
    int dot = id.lastIndexOf('.');
    String furnace = dot > 0 ? id.substring(0, dot) : id;
    if (!FurnaceId.isValid(furnace)) {
      throw new ProblemException(
          Problem.of(
              400,
              "invalid-recommendation-id",
              "Invalid recommendation id",
              "recommendation id '" + id + "' must be <furnace>.<number>, e.g. F1.12"));
    }
    return furnace;
  }

  private Route show(String id) {
    return onSuccess(
        view(id),
        view ->
            completeOK(
                PolicyResponse.of(view, committed.get(), policy.baselineSamples()),
                Jackson.marshaller(Json.mapper())));
  }

  private Route train(String id, Principal caller) {
    return body.validated(
        PolicyTrainRequest.class,
        request ->
            accepted(
                withCommitted(id)
                    .thenCompose(
                        v ->
                            ask(
                                id,
                                r ->
                                    new Policy.Train(
                                        request.iterationsOr(defaultIterations),
                                        caller.subject(),
                                        r)))));
  }

  private Route stopTraining(String id, Principal caller) {
    return confirmed(ask(id, r -> new Policy.StopTraining(caller.subject(), r)));
  }

  private Route evaluate(String id, Principal caller) {
    return body.validated(
        PolicyVersionRequest.class,
        request ->
            accepted(
                withCommitted(id)
                    .thenCompose(
                        v ->
                            ask(
                                id,
                                r ->
                                    new Policy.Evaluate(request.version(), caller.subject(), r)))));
  }

  private Route deploy(String id, Principal caller) {
    return body.validated(
        PolicyDeployRequest.class,
        request ->
            confirmed(
                withCommitted(id)
                    .thenCompose(
                        v ->
                            ask(
                                id,
                                r ->
                                    new Policy.Deploy(
                                        request.version(),
                                        request.toMode(),
                                        Boolean.TRUE.equals(request.force()),
                                        caller.subject(),
                                        request.reason(),
                                        r)))));
  }

  private Route rollback(String id, Principal caller) {
    return body.validated(
        ReasonRequest.class,
        request ->
            confirmed(ask(id, r -> new Policy.Rollback(caller.subject(), request.reason(), r))));
  }

  private Route approve(String furnace, String id, Principal caller) {
    return body.validated(
        ReasonRequest.class,
        request -> confirmed(ask(furnace, r -> new Policy.Approve(id, caller.subject(), r))));
  }

  private Route reject(String furnace, String id, Principal caller) {
    return body.validated(
        ReasonRequest.class,
        request ->
            confirmed(
                ask(furnace, r -> new Policy.Reject(id, caller.subject(), request.reason(), r))));
  }

  /**
   * {@code ?furnace=} (default: every furnace the caller sees) and {@code ?status=open} (default)
   * or {@code all}.
   */
  private Route recommendations(Principal caller) {
    return parameterOptional(
        "furnace",
        furnace ->
            parameterOptional(
                "status",
                status -> {
                  boolean all = status.map(s -> s.equals("all")).orElse(false);
                  if (status.isPresent() && !all && !status.get().equals("open")) {
                    throw new ProblemException(
                        Problem.of(
                            400,
                            "invalid-parameter",
                            "Invalid parameter",
                            "status must be open or all, not '" + status.get() + "'"));
                  }
                  List<String> which = visible(caller, furnace);
                  List<CompletableFuture<List<RecommendationResponse>>> each = new ArrayList<>();
                  for (String f : which) {
                    each.add(
                        view(f)
                            .thenApply(
                                v ->
                                    v.recommendations().stream()
                                        .filter(r -> all || r.status() == RecommendationStatus.OPEN)
                                        .map(r -> RecommendationResponse.of(f, r))
                                        .toList())
                            .toCompletableFuture());
                  }
                  return onSuccess(
                      joined(each)
                          .thenApply(
                              lists ->
                                  new RecommendationResponse.Page(
                                      lists.stream()
                                          .flatMap(List::stream)
                                          .sorted(
                                              Comparator.comparing(
                                                      RecommendationResponse::createdAt)
                                                  .reversed())
                                          .toList())),
                      page -> completeOK(page, Jackson.marshaller(Json.mapper())));
                }));
  }

  /** {@code ?furnace=} (default: every furnace the caller sees). */
  private Route autonomy(Principal caller) {
    return parameterOptional("furnace", furnace -> autonomy(visible(caller, furnace)));
  }

  private Route autonomy(List<String> which) {
    List<CompletableFuture<FurnaceAutonomy>> each = new ArrayList<>();
    for (String f : which) {
      CompletableFuture<Policy.PolicyView> p = view(f).toCompletableFuture();
      CompletableFuture<Furnace.FurnaceView> fv =
          sharding
              .entityRefFor(Furnace.ENTITY_KEY, f)
              .<Furnace.FurnaceView>ask(Furnace.GetState::new, settings.askTimeout())
              .toCompletableFuture();
      each.add(p.thenCombine(fv, (pv, furnace) -> autonomy(f, pv, furnace)));
    }
    return onSuccess(
        joined(each).thenApply(AutonomyStatusResponse::new),
        r -> completeOK(r, Jackson.marshaller(Json.mapper())));
  }

  private FurnaceAutonomy autonomy(String f, Policy.PolicyView p, Furnace.FurnaceView furnace) {
    PolicyResponse policyNow = PolicyResponse.of(p, committed.get(), policy.baselineSamples());
    return new FurnaceAutonomy(
        f,
        furnace.autonomyMode().name().toLowerCase(Locale.ROOT),
        policyNow.status(),
        policyNow.deployment(),
        policyNow.openRecommendations(),
        p.recommendations().stream()
            .map(Recommendation::status)
            .filter(s -> s == RecommendationStatus.APPLIED)
            .count(),
        p.lastRollback());
  }

  /** {@code furnace} if given and the caller sees it, else every furnace the caller sees. */
  private List<String> visible(Principal caller, Optional<String> furnace) {
    if (furnace.isPresent()) {
      if (!FurnaceId.isValid(furnace.get()) || !caller.sees(furnace.get())) {
        throw new ProblemException(Access.notFound(Scope.FURNACE, furnace.get()));
      }
      return List.of(furnace.get());
    }
    return furnaces.get().stream().filter(caller::sees).sorted().toList();
  }

  /** Registers the committed version with the entity when it knows no version yet. */
  private CompletionStage<Confirmation> withCommitted(String id) {
    return view(id)
        .thenCompose(
            v -> {
              Optional<PolicyVersion> c = committed.get();
              if (c.isEmpty()
                  || v.versions().stream().anyMatch(x -> x.version().equals(c.get().version()))) {
                return CompletableFuture.completedFuture(Confirmation.accepted("known"));
              }
              return ask(id, r -> new Policy.AddVersion(c.get(), r));
            });
  }

  private CompletionStage<Policy.PolicyView> view(String id) {
    return ask(id, Policy.GetPolicy::new);
  }

  private Route confirmed(CompletionStage<Confirmation> reply) {
    return onSuccess(
        reply, c -> completeOK(Replies.acceptedOrThrow(c), Jackson.marshaller(Json.mapper())));
  }

  private Route accepted(CompletionStage<Confirmation> reply) {
    return onSuccess(
        reply,
        c ->
            complete(
                StatusCodes.ACCEPTED,
                Replies.acceptedOrThrow(c),
                Jackson.marshaller(Json.mapper())));
  }

  private static <T> CompletableFuture<List<T>> joined(List<CompletableFuture<T>> all) {
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
  }

  private <R> CompletionStage<R> ask(String id, Function<ActorRef<R>, Policy.Command> command) {
    return sharding.entityRefFor(Policy.ENTITY_KEY, id).ask(command::apply, settings.askTimeout());
  }
}
