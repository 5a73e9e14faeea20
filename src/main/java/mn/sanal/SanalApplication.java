package mn.sanal;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SanalApplication {

    /** Deadlines are days in Mongolia: every date the engine computes is in Ulaanbaatar time. */
    public static final String TIME_ZONE = "Asia/Ulaanbaatar";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(TIME_ZONE));
        SpringApplication.run(SanalApplication.class, args);
    }
}
