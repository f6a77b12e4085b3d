package org.slacast.serving;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Answers 501 to a request method HTTP does not define, before Javalin sees it. Javalin keeps every new upper-case
 * method name in a static map for good, so a client inventing names would grow it without bound; and it answers
 * other names (with a digit, say) with an empty 500.
 */
final class KnownMethods implements Filter {
    /** Javalin's own HTTP methods; the API's routes use GET and POST. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE",
            "CONNECT", "QUERY");
    private static final byte[] BODY = Problems.json(501, "unknown request method; the API's routes take GET or "
            + "POST (see /openapi.yaml)", List.of());

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (METHODS.contains(((HttpServletRequest) request).getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse r = (HttpServletResponse) response;
        r.setStatus(501);
        r.setContentType(Problems.TYPE);
        r.setContentLength(BODY.length);
        r.getOutputStream().write(BODY);
    }
}
