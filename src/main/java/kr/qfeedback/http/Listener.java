package kr.qfeedback.http;

/**
 * Which paths a listening port answers. Without {@code QF_ADMIN_PORT} one port answers everything;
 * with it, the console, {@code /v1/rules*} and {@code /v1/decisions*} answer only on the admin port
 * and the decision API only on the public one. Health, metrics and the OpenAPI document answer on both.
 */
public enum Listener {
    ALL,
    PUBLIC,
    ADMIN;

    /** Whether a request for {@code path} is answered on this port; a path refused here answers 404 as if absent. */
    boolean answers(String path) {
        if (this == ALL || path == null) {
            return true;
        }
        boolean admin = isAdmin(path);
        boolean decisions =
                path.equals("/v1/feedback") || path.startsWith("/v1/feedback/") || path.startsWith("/bench/");
        return this == ADMIN ? !decisions : !admin;
    }

    static boolean isAdmin(String path) {
        return under(path, "/console") || under(path, "/v1/rules") || under(path, "/v1/decisions");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
