package mn.sanal.channels.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per client address (an IPv6 client: its /64) and minute: {@code lookupsPerMinute} tracking-code lookups,
 * {@code creationsPerMinute} petitions filed (a burst of that many, then one every 60/n seconds).
 */
@ConfigurationProperties("sanal.open311")
record Open311Properties(int lookupsPerMinute, int creationsPerMinute) {
}
