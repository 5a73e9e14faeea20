package mn.sanal.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Failed logins are limited per client address on every door that checks a password: HTTP Basic on
 * {@code /engine-rest} and {@code /dev}, and the webapps' login form. A login attempt is a request that carries an
 * Authorization header, or a POST to {@code .../login/{app}}; it failed when the answer is 401. A client over its
 * limit gets 429 with Retry-After before anything checks its password. Time is the engine's clock
 * ({@link ClockUtil}), the one the engine's login delay runs on. The client address is the connection's: behind a
 * reverse proxy set {@code server.forward-headers-strategy}, or every citizen shares the proxy's limit.
 */
class LoginThrottle extends OncePerRequestFilter {

    static final String[] URL_PATTERNS = {"/engine-rest/*", "/dev/*", "/camunda/api/admin/auth/user/*",
            OfficialApiAuthentication.URL_PATTERN};

    private static final TimeMeter ENGINE_CLOCK = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(ClockUtil.getCurrentTime().getTime());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    };

    private final SecurityProperties.FailedLogins limit;
    private final Cache<String, Bucket> failures;

    LoginThrottle(SecurityProperties.FailedLogins limit) {
        this.limit = limit;
        // an address idle for a whole window has its full allowance back anyway
        this.failures = Caffeine.newBuilder().expireAfterAccess(limit.window()).maximumSize(100_000).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoginAttempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        Bucket bucket = failures.getIfPresent(client);
        if (bucket != null && bucket.getAvailableTokens() < 1) {
            refuse(response, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            failures.get(client, c -> newBucket()).tryConsume(1);
        }
    }

    private static boolean isLoginAttempt(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || ("POST".equals(request.getMethod()) && request.getRequestURI().contains("/login/"));
    }

    private Bucket newBucket() {
        return Bucket.builder().withCustomTimePrecision(ENGINE_CLOCK)
                .addLimit(Bandwidth.builder().capacity(limit.perClient())
                        .refillGreedy(limit.perClient(), limit.window()).build())
                .build();
    }

    private static void refuse(HttpServletResponse response, long nanosToWait) throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanosToWait + TimeUnit.SECONDS.toNanos(1) - 1));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"TooManyFailedLogins\",\"message\":\"Нэвтрэх оролдлого олон удаа "
                + "амжилтгүй болсон тул " + seconds + " секундын дараа дахин оролдоно уу.\"}");
    }
}
