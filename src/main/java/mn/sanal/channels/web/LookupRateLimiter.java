package mn.sanal.channels.web;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Tracking codes are unguessable only if nobody can try millions: lookups by code are limited per client address
 * (a token bucket per address, refilled every minute; idle addresses are forgotten after 10 minutes).
 */
@Component
class LookupRateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final int perMinute;

    LookupRateLimiter(Open311Properties properties) {
        this.perMinute = properties.lookupsPerMinute();
    }

    boolean tryAcquire(String clientAddress) {
        return buckets.get(clientAddress, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build()).tryConsume(1);
    }
}
