package mn.sanal.coverage;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * Process test coverage (camunda-process-test-coverage 3.0.0, spring-test-platform-7) for every Spring test of profile
 * "test" (the process tests): the engine records which flow nodes and sequence flows each test class passed, and the
 * library's test execution listener writes {@code target/process-test-coverage/<test class>/report.html} and
 * {@code report.json} after each class. {@code ProcessCoverageFloorIT} holds each process to its floor. Found by the
 * application's component scan (test classes are on the class path); the integration tests (profile "it") run
 * without it.
 */
@Configuration
@Profile("test")
@Import(ProcessEngineCoverageConfiguration.class)
class ProcessCoverageForProcessTests {
}
