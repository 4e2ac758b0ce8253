package kr.qfeedback.wire;

/**
 * An error answer of the API: HTTP status, stable code, a sentence saying what was wrong and what
 * is accepted, and the field at fault when there is one. Every error the service sends is built
 * here.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String field;

    private ApiError(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiError invalid(String field, String message) {
        return new ApiError(400, "INVALID_REQUEST", message, field);
    }

    public static ApiError unauthenticated() {
        return new ApiError(
                401,
                "UNAUTHENTICATED",
                "A valid bearer token is required: send 'Authorization: Bearer <token>' with a token from QF_TOKENS.",
                null);
    }

    public static ApiError rulesBusy() {
        return new ApiError(
                429,
                "RULES_BUSY",
                "The service is already running as much rules work (validate, impact, publish) as it"
                        + " takes at once; retry in a minute.",
                null);
    }

    public static ApiError tooManyAttempts() {
        return new ApiError(
                429,
                "TOO_MANY_ATTEMPTS",
                "Too many failed authentications from this address; wait a minute and"
                        + " send a valid token (Authorization: Bearer …).",
                null);
    }

    public static ApiError forbidden(String role) {
        return new ApiError(
                403, "FORBIDDEN", "This token lacks the '" + role + "' role that this endpoint requires.", null);
    }

    public static ApiError notFound(String path) {
        return new ApiError(
                404, "NOT_FOUND", "There is no endpoint at " + path + "; see GET /openapi.yaml for the API.", null);
    }

    public static ApiError unknownVersion(String version) {
        return new ApiError(
                404,
                "UNKNOWN_VERSION",
                "No stored rules version '" + version + "'; GET /v1/rules lists the versions.",
                "version");
    }

    /**
     * With publishing under approval, a rollback to a stored version that never went live on this
     * node (one a failed cluster switch left behind): it would go live without a second person.
     */
    public static ApiError neverLive(String version) {
        return new ApiError(
                409,
                "NEVER_LIVE",
                "Rules version '" + version + "' never went live on this node, and publishing needs a second"
                        + " person's approval (QF_PUBLISH_APPROVAL=required): a rollback reaches only versions"
                        + " that were active. Ask for its publish instead (POST /v1/rules/publish), or roll back"
                        + " on a node where it was active. The active version is unchanged.",
                "version");
    }

    /** A stored version whose files no longer match what was published: it cannot be rolled back to. */
    public static ApiError versionDamaged(String version, String why) {
        return new ApiError(
                409,
                "VERSION_DAMAGED",
                "Stored rules version '" + version + "' cannot be activated: " + why
                        + " The active version is unchanged.",
                "version");
    }

    public static ApiError methodNotAllowed() {
        return new ApiError(
                405,
                "METHOD_NOT_ALLOWED",
                "This endpoint does not accept that HTTP method; see GET /openapi.yaml.",
                null);
    }

    public static ApiError tooLarge(long limit) {
        return new ApiError(
                413, "TOO_LARGE", "The request body is larger than the limit of " + limit + " bytes.", null);
    }

    public static ApiError unsupportedMediaType(String contentType) {
        return new ApiError(
                415,
                "UNSUPPORTED_MEDIA_TYPE",
                "The body must be JSON sent with 'Content-Type: application/json'"
                        + (contentType == null ? "; no Content-Type was sent." : ", not '" + contentType + "'."),
                null);
    }

    public static ApiError inconsistent(String field, String message) {
        return new ApiError(422, "INCONSISTENT", message, field);
    }

    public static ApiError notReady() {
        return new ApiError(
                503, "NOT_READY", "No rules version is active yet; retry when GET /health/ready answers ready.", null);
    }

    /** QF_HTTP_REQUEST_TIMEOUT: the request was not answered (or its body did not arrive) in time. */
    public static ApiError requestTimeout(long millis) {
        return new ApiError(
                503,
                "REQUEST_TIMEOUT",
                "The request was not answered within " + millis + " ms (or its body did not arrive in that time);"
                        + " the connection is closed. Retry; if it keeps happening, tell the operators.",
                null);
    }

    /** This node is stopping: it takes no new rules work; the code is the contract's NOT_READY. */
    public static ApiError stopping() {
        return new ApiError(
                503,
                "NOT_READY",
                "This node is stopping and takes no new rules work; send the request to another"
                        + " node, or retry when GET /health/ready answers ready.",
                null);
    }

    /** The code of a publish the checks or scenarios refused (422, with the report beside the error). */
    public static final String RULES_REJECTED = "RULES_REJECTED";

    /** A publish refused by its checks or scenarios; the answer carries the report beside the error. */
    public static ApiError rulesRejected() {
        return new ApiError(
                422,
                RULES_REJECTED,
                "The candidate rules were not published: see checks and scenarios for every problem found.",
                null);
    }

    /** The decision records cannot be read from the cluster just now. */
    public static ApiError clusterUnavailable() {
        return new ApiError(
                503,
                "CLUSTER_UNAVAILABLE",
                "The decision records could not be read from the cluster just now; retry shortly.",
                null);
    }

    /** The cluster cannot take the change now (no quorum, a member did not prepare); nothing changed. */
    public static ApiError unavailable(String code, String message) {
        return new ApiError(503, code, message, null);
    }

    public static ApiError unknownDecision(String id) {
        return new ApiError(
                404,
                "NOT_FOUND",
                "No decision '" + id + "' is on record: records are kept for 24 hours"
                        + " (at most the most recent 200,000 per member).",
                "decisionId");
    }

    /** A decision on record whose request was not kept with it: its page cannot be rebuilt. */
    public static ApiError pageNotKept(String id) {
        return new ApiError(
                410,
                "PAGE_NOT_KEPT",
                "Decision '" + id + "' is on record, but the request it was decided on was not kept with it (it was"
                        + " decided by a member of an earlier version), so its page cannot be rebuilt; the author"
                        + " role can still read its record.",
                "decisionId");
    }

    /** The rules version a decision was made with is not stored on this member (or was altered). */
    public static ApiError versionNotStored(String version) {
        return new ApiError(
                410,
                "VERSION_NOT_STORED",
                "The rules version '" + version + "' this decision was made with is not stored on this member, or"
                        + " its files no longer match what was published, so the page cannot be rebuilt here; ask on"
                        + " another member, or restore QF_DATA_DIR/versions/" + version + " from a backup.",
                "decisionId");
    }

    /** A kept request that could not be decided again: nothing of it is logged but the failure's kind. */
    public static ApiError replayFailed(String id) {
        return new ApiError(
                500,
                "REPLAY_FAILED",
                "The page of decision '" + id + "' could not be rebuilt from its kept request; the failure's kind"
                        + " is logged (never the request). Report it with the decision id.",
                "decisionId");
    }

    public static ApiError unknownCohort(String name) {
        return new ApiError(
                404,
                "NOT_FOUND",
                "No kept cohort '" + name + "'; GET /v1/rules/cohorts lists them (each is deleted 30 days after"
                        + " it was kept).",
                "cohort");
    }

    public static ApiError unknownImpactRun(String id) {
        return new ApiError(
                404,
                "NOT_FOUND",
                "No impact run '" + id + "' on this member: runs are kept for an hour after they end, on the member"
                        + " that started them.",
                "id");
    }

    public static ApiError internal() {
        return new ApiError(
                500,
                "INTERNAL",
                "The service failed to answer this request; the failure is logged. Retry, and report it if it persists.",
                null);
    }

    /** The author of a requested publish tried to approve or return it: a second person must (기안 → 결재). */
    public static ApiError selfApproval(String message) {
        return new ApiError(403, "SELF_APPROVAL", message, null);
    }

    /** No requested publish with that id. */
    public static ApiError unknownRequest(String message) {
        return new ApiError(404, "UNKNOWN_REQUEST", message, "id");
    }

    /** A requested publish that was approved or returned already, or is being decided right now. */
    public static ApiError alreadyDecided(String message) {
        return new ApiError(409, "ALREADY_DECIDED", message, null);
    }

    /** The error object: {@code {"code", "message", "field"?}}. */
    public io.vertx.core.json.JsonObject body() {
        io.vertx.core.json.JsonObject body =
                new io.vertx.core.json.JsonObject().put("code", code).put("message", getMessage());
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }

    /** The answer's envelope, {@code {"error": {…}}}: the one shape every error of the API has. */
    public io.vertx.core.json.JsonObject envelope() {
        return new io.vertx.core.json.JsonObject().put("error", body());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
