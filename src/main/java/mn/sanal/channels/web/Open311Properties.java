package mn.sanal.channels.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code lookupsPerMinute}: tracking-code lookups one client address may make per minute. */
@ConfigurationProperties("sanal.open311")
record Open311Properties(int lookupsPerMinute) {
}
