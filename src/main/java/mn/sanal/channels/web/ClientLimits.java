package mn.sanal.channels.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * What one client may do per minute on the unauthenticated Open311 channel, as token buckets per client (refilled
 * evenly over the minute; idle clients are forgotten after 10 minutes). Tracking codes are unguessable only if nobody
 * can try millions, so lookups are limited; filing is limited so that one client cannot flood the officials' lists
 * and, through the acknowledgements, somebody's phone.
 * <p>
 * A client is its connecting address; an IPv6 client is its /64 network, since one host commonly holds the whole /64
 * and could otherwise take a fresh address for every request.
 */
@Component
class ClientLimits {

    private final Cache<String, Bucket> lookups = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final Cache<String, Bucket> creations = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final int lookupsPerMinute;
    private final int creationsPerMinute;

    ClientLimits(Open311Properties properties) {
        this.lookupsPerMinute = properties.lookupsPerMinute();
        this.creationsPerMinute = properties.creationsPerMinute();
    }

    /** Empty if the client may look up a tracking code now, else the seconds until it may. */
    OptionalLong lookup(String clientAddress) {
        return take(lookups, lookupsPerMinute, clientAddress);
    }

    /** Empty if the client may file a petition now, else the seconds until it may. */
    OptionalLong creation(String clientAddress) {
        return take(creations, creationsPerMinute, clientAddress);
    }

    private static OptionalLong take(Cache<String, Bucket> buckets, int perMinute, String clientAddress) {
        ConsumptionProbe probe = buckets.get(client(clientAddress), a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    static String client(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // an IPv6 literal from the servlet container: parsed, never resolved
            InetAddress address = InetAddress.getByName(remoteAddress);
            if (address instanceof Inet6Address) {
                return InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(address.getAddress(), 8), 16))
                        .getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }
}
