package mn.sanal.citizens;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import mn.sanal.platform.OfficialApiAuthentication;

/**
 * The register for officials ({@code /api/citizens}, login by webapp session or HTTP Basic, see
 * {@link OfficialApiAuthentication}): the soum office imports its lists; officials search the register of their own
 * soums. Another soum's register is 403, whoever asks.
 */
@RestController
@RequestMapping("/api")
class RegisterController {

    private static final int MAX_RESULTS = 50;

    private final IdentityService identity;
    private final RegisterAccess access;
    private final RegisterImport imports;
    private final CitizenRegister register;
    private final JdbcClient jdbc;

    RegisterController(IdentityService identity, RegisterAccess access, RegisterImport imports,
                       CitizenRegister register, JdbcClient jdbc) {
        this.identity = identity;
        this.access = access;
        this.imports = imports;
        this.register = register;
        this.jdbc = jdbc;
    }

    record Session(String user, String csrfToken, Set<String> importableSoums, Set<String> readableSoums) {
    }

    /** Who is logged in, the token a page sends in X-XSRF-TOKEN, and which soums they may import / read. */
    @GetMapping("/session")
    Session session(HttpServletRequest request) {
        Authentication a = current();
        return new Session(a.getUserId(), request.getSession(false) == null ? null
                : OfficialApiAuthentication.csrfToken(request.getSession(false)),
                access.importableSoums(a.getGroupIds()), access.readableSoums(a.getGroupIds()));
    }

    @PostMapping(path = "/citizens/imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    ImportReport importCsv(@RequestParam(required = false) String soum, @RequestParam(required = false) String name,
                           @RequestBody byte[] csv) {
        return importFile(soum, name, csv);
    }

    @PostMapping(path = "/citizens/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importUpload(@RequestParam(required = false) String soum, @RequestPart("file") MultipartFile file)
            throws java.io.IOException {
        return importFile(soum, file.getOriginalFilename(), file.getBytes());
    }

    private ImportReport importFile(String soum, String name, byte[] csv) {
        Authentication a = current();
        Set<String> soums = access.importableSoums(a.getGroupIds());
        String target = soum != null ? soum : soums.size() == 1 ? soums.iterator().next() : null;
        if (target == null || !soums.contains(target)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Зөвхөн тухайн сумын Засаг даргын Тамгын газар жагсаалт оруулна");
        }
        return imports.importCsv(target, a.getUserId(), name, new String(csv, StandardCharsets.UTF_8));
    }

    record ImportRecord(long id, String soumCode, String importedBy, OffsetDateTime importedAt, String fileName,
                        int rows, int added, int updated, int moved, int unchanged, int refused, int phonesAdded) {
    }

    @GetMapping("/citizens/imports")
    List<ImportRecord> importsOf(@RequestParam String soum) {
        readable(soum);
        return jdbc.sql("""
                SELECT id, soum_code, imported_by, imported_at, file_name, rows_total, rows_added, rows_updated,
                  rows_moved, rows_unchanged, rows_refused, phones_added
                FROM register_import WHERE soum_code = ? ORDER BY id DESC LIMIT 100
                """).param(soum).query((rs, i) -> new ImportRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12))).list();
    }

    record Resident(long id, String registerNo, String familyName, String givenName, LocalDate birthDate,
                    String bagCode, List<String> phones) {
    }

    /**
     * Search the register of one soum: {@code q} is a register number (or its start), a phone, or part of a name.
     * At most 50 people, in register-number order after {@code after}.
     */
    @GetMapping("/citizens")
    List<Resident> search(@RequestParam String soum, @RequestParam(required = false) String q,
                          @RequestParam(required = false) String bag, @RequestParam(required = false) String after) {
        readable(soum);
        StringBuilder sql = new StringBuilder("SELECT " + "c.id, c.register_no, c.family_name, c.given_name, "
                + "c.birth_date, c.aimag_code, c.soum_code, c.bag_code FROM citizen c WHERE c.soum_code = :soum");
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("soum", soum);
        if (bag != null && !bag.isBlank()) {
            sql.append(" AND c.bag_code = :bag");
            p.put("bag", bag);
        }
        if (q != null && !q.isBlank()) {
            var phone = CitizenPhones.normalize(q);
            if (phone.isPresent()) {
                sql.append(" AND c.id IN (SELECT citizen_id FROM citizen_phone WHERE phone = :phone)");
                p.put("phone", phone.get());
            } else {
                sql.append(" AND (c.register_no LIKE :prefix OR LOWER(c.family_name) LIKE :part"
                        + " OR LOWER(c.given_name) LIKE :part)");
                String norm = RegisterNumbers.normalize(q).replace("%", "").replace("_", "");
                p.put("prefix", norm + "%");
                p.put("part", "%" + q.strip().toLowerCase(java.util.Locale.forLanguageTag("mn"))
                        .replace("%", "").replace("_", "") + "%");
            }
        }
        if (after != null && !after.isBlank()) {
            sql.append(" AND c.register_no > :after");
            p.put("after", after);
        }
        sql.append(" ORDER BY c.register_no LIMIT " + MAX_RESULTS);
        return jdbc.sql(sql.toString()).params(p).query(CitizenRegister::citizen).list().stream()
                .map(c -> new Resident(c.id(), c.registerNo(), c.familyName(), c.givenName(), c.birthDate(),
                        c.bagCode(), register.phonesOf(c.id())))
                .toList();
    }

    /** Residents per bag of a soum the official may read. */
    @GetMapping("/citizens/bags")
    Map<String, Long> residentsPerBag(@RequestParam String soum) {
        readable(soum);
        return register.residentsPerBag(soum);
    }

    @ExceptionHandler(RegisterImport.UnreadableFile.class)
    ResponseEntity<Map<String, String>> unreadable(RegisterImport.UnreadableFile e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    private void readable(String soum) {
        if (!access.readableSoums(current().getGroupIds()).contains(soum)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Өөр сумын иргэдийн бүртгэлийг харах эрхгүй");
        }
    }

    private Authentication current() {
        Authentication a = identity.getCurrentAuthentication();
        if (a == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        return a;
    }
}
