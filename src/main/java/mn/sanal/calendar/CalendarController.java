package mn.sanal.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's calendar (login; members of {@code camunda-admin} only, RestSecurityConfig):
 * <pre>
 * GET    /admin/calendar/2026                      days off of the year with reasons, and the overrides
 * PUT    /admin/calendar/overrides/2026-02-17      {"working": false, "reason": "Засгийн газрын тогтоол №..."}
 * DELETE /admin/calendar/overrides/2026-02-17
 * </pre>
 * A change recomputes the due dates of running cases whose policy moves them off days off.
 */
@RestController
@RequestMapping(path = "/admin/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
class CalendarController {

    private final WorkingDays days;
    private final IdentityService identity;

    CalendarController(WorkingDays days, IdentityService identity) {
        this.days = days;
        this.identity = identity;
    }

    record Year(int year, List<DayOff> daysOff, List<WorkingDays.Override> overrides) {
    }

    record Change(Boolean working, String reason) {
    }

    @GetMapping("/{year}")
    Year year(@PathVariable int year) {
        return new Year(year, days.daysOff(year), days.overrides(year));
    }

    @PutMapping(path = "/overrides/{date}", consumes = MediaType.APPLICATION_JSON_VALUE)
    WorkingDays.Override set(@PathVariable LocalDate date, @RequestBody Change change) {
        if (change == null || change.working() == null) {
            throw new IllegalArgumentException("working: true (ажлын өдөр болгох) эсвэл false (амралтын өдөр болгох)");
        }
        days.setOverride(date, change.working(), change.reason(), user());
        return days.override(date).orElseThrow();
    }

    @DeleteMapping("/overrides/{date}")
    ResponseEntity<Void> remove(@PathVariable LocalDate date) {
        return days.removeOverride(date, user()) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private String user() {
        Authentication user = identity.getCurrentAuthentication();
        return user == null ? "system" : user.getUserId();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> refused(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
    }
}
