package mn.sanal.citizens;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import mn.sanal.platform.Clocks;
import mn.sanal.platform.Hashes;

/**
 * Imports a soum office's list of its residents (CSV) into the register, in one transaction.
 * <p>
 * Columns, named in a header row (English or Mongolian, any order): {@code register_no} / {@code регистр},
 * {@code family_name} / {@code овог}, {@code given_name} / {@code нэр}, {@code bag} / {@code баг} (the bag's number,
 * "3-р баг" or its code), {@code phones} / {@code утас} (Mongolian mobile numbers, several separated by a space or
 * {@code |}). The birth date comes from the register number.
 * <p>
 * A row is refused, with its reason, for: a bad register number, a missing name, a bag that is not the soum's, a
 * phone that is not a Mongolian mobile number, a register number twice in the file, a phone given to two people in
 * the file (both rows), or a phone the register has for another person. Everything else is taken: a new person is
 * added; a person already on the register in another bag or soum is moved (not doubled); changed names are updated;
 * new phones are added (phones the list does not name are kept: they may have been enrolled by SMS). The same file
 * again changes nothing. Every import is recorded ({@code register_import}) with its counts; nothing personal is
 * logged.
 */
@Service
public class RegisterImport {

    /** Files are a soum's lists: this many rows at most. */
    public static final int MAX_ROWS = 50_000;
    private static final Logger log = LoggerFactory.getLogger(RegisterImport.class);
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("register_no", "register_no"), Map.entry("регистр", "register_no"),
            Map.entry("регистрийн дугаар", "register_no"),
            Map.entry("family_name", "family_name"), Map.entry("овог", "family_name"),
            Map.entry("given_name", "given_name"), Map.entry("нэр", "given_name"),
            Map.entry("bag", "bag"), Map.entry("баг", "bag"),
            Map.entry("phones", "phones"), Map.entry("phone", "phones"), Map.entry("утас", "phones"));

    private final JdbcClient jdbc;
    private final CitizenRegister register;

    RegisterImport(JdbcClient jdbc, CitizenRegister register) {
        this.jdbc = jdbc;
        this.register = register;
    }

    /** The file could not be read as a list at all (no header, a missing column, too many rows). */
    public static class UnreadableFile extends RuntimeException {
        public UnreadableFile(String messageMn) {
            super(messageMn);
        }
    }

    private record Row(int line, String registerNo, LocalDate birth, String family, String given, String bag,
                       List<String> phones) {
    }

    @Transactional
    public ImportReport importCsv(String soumCode, String user, String fileName, String csv) {
        List<List<String>> rows = CsvRows.parse(csv);
        if (rows.isEmpty()) {
            throw new UnreadableFile("Файл хоосон байна");
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw new UnreadableFile("Нэг файлд " + MAX_ROWS + "-аас олон мөр байж болохгүй");
        }
        Map<String, Integer> col = header(rows.get(0));
        List<String> bags = register.bagsOf(soumCode);
        LocalDate today = Clocks.now().toLocalDate();
        List<ImportReport.Refused> refused = new ArrayList<>();
        List<Row> good = new ArrayList<>();
        int total = 0;
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.stream().allMatch(String::isEmpty)) {
                continue;
            }
            total++;
            int line = i + 1;
            String reason = null;
            RegisterNumbers.Checked no = RegisterNumbers.check(field(r, col, "register_no"), today);
            String family = field(r, col, "family_name");
            String given = field(r, col, "given_name");
            Optional<String> bag = bag(soumCode, bags, field(r, col, "bag"));
            List<String> phones = new ArrayList<>();
            if (!no.valid()) {
                reason = no.refusal();
            } else if (family.isEmpty() || given.isEmpty()) {
                reason = "Овог, нэр хоосон байна";
            } else if (family.length() > 100 || given.length() > 100) {
                reason = "Овог, нэр 100 тэмдэгтээс урт байна";
            } else if (bag.isEmpty()) {
                reason = "Баг \"" + abbreviate(field(r, col, "bag")) + "\" энэ суманд байхгүй";
            } else {
                for (String p : field(r, col, "phones").split("[\\s|/]+")) {
                    if (p.isEmpty()) {
                        continue;
                    }
                    Optional<String> n = CitizenPhones.normalize(p);
                    if (n.isEmpty()) {
                        reason = "Утасны дугаар \"" + abbreviate(p) + "\" Монголын гар утасны дугаар биш";
                        break;
                    }
                    if (!phones.contains(n.get())) {
                        phones.add(n.get());
                    }
                }
            }
            if (reason != null) {
                refused.add(new ImportReport.Refused(line, reason));
            } else {
                good.add(new Row(line, no.registerNo(), no.birthDate(), family, given, bag.get(), phones));
            }
        }
        good = refuseDuplicatesInFile(good, refused);

        OffsetDateTime now = Clocks.now();
        String aimag = soumCode.substring(0, soumCode.indexOf('.'));
        int added = 0;
        int updated = 0;
        int moved = 0;
        int unchanged = 0;
        int phonesAdded = 0;
        for (Row row : good) {
            Optional<Citizen> existing = register.byRegisterNo(row.registerNo());
            Long id = existing.map(Citizen::id).orElse(null);
            String otherOwner = null;
            for (String phone : row.phones()) {
                Optional<Long> owner = jdbc.sql("SELECT citizen_id FROM citizen_phone WHERE phone = ?").param(phone)
                        .query(Long.class).optional();
                if (owner.isPresent() && !owner.get().equals(id)) {
                    otherOwner = phone;
                    break;
                }
            }
            if (otherOwner != null) {
                refused.add(new ImportReport.Refused(row.line(),
                        "Утас " + otherOwner + " бүртгэлд өөр хүний нэр дээр байна"));
                continue;
            }
            if (existing.isEmpty()) {
                jdbc.sql("""
                        INSERT INTO citizen (register_no, family_name, given_name, birth_date, aimag_code, soum_code,
                          bag_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).params(row.registerNo(), row.family(), row.given(), row.birth(), aimag, soumCode,
                        row.bag(), now, now).update();
                id = register.byRegisterNo(row.registerNo()).orElseThrow().id();
                added++;
            } else {
                Citizen c = existing.get();
                boolean move = !c.bagCode().equals(row.bag());
                boolean rename = !c.familyName().equals(row.family()) || !c.givenName().equals(row.given());
                if (move || rename) {
                    jdbc.sql("""
                            UPDATE citizen SET family_name = ?, given_name = ?, aimag_code = ?, soum_code = ?,
                              bag_code = ?, updated_at = ? WHERE id = ?
                            """).params(row.family(), row.given(), aimag, soumCode, row.bag(), now, id).update();
                }
                if (move) {
                    moved++;
                } else if (rename) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            for (String phone : row.phones()) {
                phonesAdded += jdbc.sql("""
                        INSERT INTO citizen_phone (phone, citizen_id, source, added_at)
                        SELECT ?, ?, 'IMPORT', ? WHERE NOT EXISTS (SELECT 1 FROM citizen_phone WHERE phone = ?)
                        """).params(phone, id, now, phone).update();
            }
        }
        refused.sort((a, b) -> Integer.compare(a.line(), b.line()));
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO register_import (soum_code, imported_by, imported_at, file_name, file_sha256, rows_total,
                  rows_added, rows_updated, rows_moved, rows_unchanged, rows_refused, phones_added)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(soumCode, user, now, fileName == null ? null : abbreviate(fileName, 255),
                Hashes.sha256Hex(csv), total, added, updated, moved, unchanged, refused.size(), phonesAdded)
                .update(key, "id");
        long importId = key.getKey().longValue();
        log.info("Register import {} for {} by {}: {} rows, {} added, {} updated, {} moved, {} unchanged, {} refused, "
                + "{} phones added", importId, soumCode, user, total, added, updated, moved, unchanged, refused.size(),
                phonesAdded);
        return new ImportReport(importId, soumCode, total, added, updated, moved, unchanged, phonesAdded,
                List.copyOf(refused));
    }

    /** A register number twice: the later rows are refused. A phone on rows of two people: all those rows. */
    private static List<Row> refuseDuplicatesInFile(List<Row> rows, List<ImportReport.Refused> refused) {
        Map<String, Integer> firstLineOf = new HashMap<>();
        Map<String, Set<String>> peopleOfPhone = new HashMap<>();
        List<Row> unique = new ArrayList<>();
        for (Row r : rows) {
            Integer first = firstLineOf.putIfAbsent(r.registerNo(), r.line());
            if (first != null) {
                refused.add(new ImportReport.Refused(r.line(),
                        "Регистрийн дугаар файлд давхардсан (" + first + "-р мөр)"));
                continue;
            }
            unique.add(r);
            r.phones().forEach(p -> peopleOfPhone.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(r.registerNo()));
        }
        List<Row> taken = new ArrayList<>();
        for (Row r : unique) {
            Optional<String> shared = r.phones().stream().filter(p -> peopleOfPhone.get(p).size() > 1).findFirst();
            if (shared.isPresent()) {
                refused.add(new ImportReport.Refused(r.line(),
                        "Утас " + shared.get() + " файлд хоёр өөр хүнд бичигдсэн"));
            } else {
                taken.add(r);
            }
        }
        return taken;
    }

    private static Map<String, Integer> header(List<String> row) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String name = COLUMNS.get(row.get(i).strip().toLowerCase(Locale.forLanguageTag("mn")));
            if (name != null) {
                col.putIfAbsent(name, i);
            }
        }
        for (String needed : List.of("register_no", "family_name", "given_name", "bag")) {
            if (!col.containsKey(needed)) {
                throw new UnreadableFile("Эхний мөрөнд баганын нэрс байх ёстой: регистр, овог, нэр, баг, утас ("
                        + "register_no, family_name, given_name, bag, phones)");
            }
        }
        return col;
    }

    private static String field(List<String> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= row.size() ? "" : row.get(i).strip();
    }

    /** "3", "3-р баг", "3 баг", "Bag 3" or the bag's code. */
    static Optional<String> bag(String soumCode, List<String> bags, String raw) {
        String s = raw.strip();
        if (bags.contains(s)) {
            return Optional.of(s);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?iu)(?:bag\\s*)?(\\d{1,2})(?:\\s*-?\\s*(?:р| р баг|-р баг)?\\s*(?:баг)?)?").matcher(s);
        if (m.matches()) {
            String code = soumCode + "." + Integer.parseInt(m.group(1));
            if (bags.contains(code)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 40);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
