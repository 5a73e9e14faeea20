package mn.sanal.platform.migration;

import java.util.Map;

import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's action (login; members of {@code camunda-admin} only, see RestSecurityConfig):
 * <pre>
 * POST /admin/migrations/PetitionHandling/versions/1?dryRun=true   what would move to version 2, what would not
 * POST /admin/migrations/PetitionHandling/versions/1               start the batch
 * </pre>
 */
@RestController
@RequestMapping(path = "/admin/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
class MigrationController {

    private final ProcessMigrations migrations;

    MigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    @PostMapping("/{processKey}/versions/{fromVersion}")
    ProcessMigrations.Report migrate(@PathVariable String processKey, @PathVariable int fromVersion,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return dryRun ? migrations.dryRun(processKey, fromVersion) : migrations.migrate(processKey, fromVersion);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> noSuchVersion(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(MigrationPlanValidationException.class)
    ResponseEntity<Map<String, String>> noPlan(MigrationPlanValidationException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message",
                "Шилжүүлэх төлөвлөгөө гаргаж чадсангүй: " + e.getMessage()));
    }
}
