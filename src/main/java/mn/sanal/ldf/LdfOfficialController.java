package mn.sanal.ldf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import mn.sanal.attachments.AttachmentService;
import mn.sanal.attachments.StoredFile;
import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.InboundMessage.Details;
import mn.sanal.intake.InboundMessage.Intent;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.ldf.Ldf.Cycle;
import mn.sanal.organisations.Body;
import mn.sanal.organisations.Groups;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;

/**
 * Officials' part of the fund that no task form can hold (Tasklist 7.24's forms have no file picker), under the
 * officials' API ({@code /api/*}: webapp session with its XSRF token, or HTTP Basic):
 * <ul>
 * <li>{@code POST /api/ldf/cycles/{id}/proposals}: the bag Governor enters a paper or meeting proposal for their own
 * bag; it goes through the one intake (channel WALK_IN, the LDF kind) and gets its number;</li>
 * <li>{@code POST /api/ldf/cycles/{id}/files}: minutes, photos, the Khural's resolution, stored by the attachments
 * store (screened as citizens' files are) and kept with what they belong to; only the soum's own officials of the
 * fund may add them.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/ldf")
class LdfOfficialController {

    private static final Set<String> OWNER_KINDS = Set.of("CYCLE", "MEETING", "PROJECT", "REVIEW", "RESOLUTION");

    private final LdfService service;
    private final IntakeService intake;
    private final IdentityService identity;
    private final OrganisationService organisations;
    private final AttachmentService attachments;
    private final LdfRepository repo;

    LdfOfficialController(LdfService service, IntakeService intake, IdentityService identity,
                          OrganisationService organisations, AttachmentService attachments, LdfRepository repo) {
        this.service = service;
        this.intake = intake;
        this.identity = identity;
        this.organisations = organisations;
        this.attachments = attachments;
        this.repo = repo;
    }

    @PostMapping(path = "/cycles/{id}/proposals", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> enter(@PathVariable long id, @RequestParam String bag,
                                              @RequestParam String text,
                                              @RequestParam(name = "authorName", required = false) String name,
                                              @RequestParam(name = "authorPhone", required = false) String phone) {
        Authentication a = identity.getCurrentAuthentication();
        Cycle c = service.findCycle(id).orElse(null);
        if (c == null || !groups(a).contains(LdfGroups.bagGovernors(bag))
                || organisations.unit(bag).filter(u -> c.soumCode().equals(u.parentCode())).isEmpty()) {
            return answer(HttpStatus.NOT_FOUND, "Мөчлөг эсвэл таны баг олдсонгүй.");
        }
        IntakeResult r = intake.receive(new InboundMessage(Channel.WALK_IN, "ldf-bag-" + UUID.randomUUID(),
                phone, null, null, text, Intent.PETITION, List.of(), null, List.of(), List.of(),
                new Details(null, LdfProposals.SERVICE_CODE, new NewPetition.Location(null, c.soumCode(), bag, null,
                        null, null), phone, null, null, name), null));
        if (r instanceof IntakeResult.Replied rep && rep.kind() == IntakeResult.Kind.LDF_PROPOSAL) {
            return answer(HttpStatus.CREATED, rep.reply());
        }
        if (r instanceof IntakeResult.Replied rep) {
            return answer(HttpStatus.CONFLICT, rep.reply());
        }
        return answer(HttpStatus.BAD_REQUEST, r instanceof IntakeResult.Rejected rej ? rej.message() : "Алдаа.");
    }

    @PostMapping(path = "/cycles/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(@PathVariable long id, @RequestParam String owner,
                                               @RequestParam long ownerId, @RequestParam MultipartFile file) {
        Authentication a = identity.getCurrentAuthentication();
        Cycle c = service.findCycle(id).orElse(null);
        if (c == null || !mayFile(groups(a), c.soumCode())) {
            return answer(HttpStatus.NOT_FOUND, "Мөчлөг олдсонгүй.");
        }
        if (!OWNER_KINDS.contains(owner)) {
            return answer(HttpStatus.BAD_REQUEST, "owner: " + OWNER_KINDS);
        }
        AttachmentService.Batch batch = attachments.newBatch();
        try (InputStream in = file.getInputStream()) {
            batch.add(file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (batch.accepted().isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST, batch.refused().isEmpty() ? "Файл хүлээн авсангүй."
                    : batch.refused().get(0).reasonMn());
        }
        StoredFile f = batch.accepted().get(0);
        long fileId = repo.insertFile(c.id(), owner, ownerId, f.fileName(), f.mediaType(), f.sizeBytes(), f.sha256(),
                f.storageRef(), a.getUserId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", fileId);
        body.put("file_name", f.fileName());
        body.put("media_type", f.mediaType());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /** The soum's officials of the fund: its office and Khural, its bags' governors and representatives, its groups. */
    private boolean mayFile(List<String> groups, String soum) {
        if (groups.contains(Groups.ADMINS) || groups.contains(LdfGroups.workingGroup(soum))
                || groups.contains(LdfGroups.commission(soum))) {
            return true;
        }
        for (Body.Kind kind : List.of(Body.Kind.GOVERNOR_OFFICE, Body.Kind.KHURAL)) {
            if (organisations.findBody(kind, soum, null).map(b -> groups.contains(b.groupId())).orElse(false)) {
                return true;
            }
        }
        return service.bags(soum).stream().anyMatch(b -> groups.contains(LdfGroups.bagGovernors(b))
                || groups.contains(LdfGroups.khuralReps(b)));
    }

    private static List<String> groups(Authentication a) {
        return a == null || a.getGroupIds() == null ? List.of() : a.getGroupIds();
    }

    private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("message", message));
    }
}
