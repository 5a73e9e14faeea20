package mn.sanal.channels.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import mn.sanal.intake.InboundMessage;
import mn.sanal.intake.IntakeResult;
import mn.sanal.intake.IntakeService;
import mn.sanal.ldf.LdfProposals;
import mn.sanal.ldf.LdfTexts;
import mn.sanal.organisations.Body;
import mn.sanal.organisations.OrganisationService;
import mn.sanal.organisations.Place;
import mn.sanal.organisations.PlaceResolver;
import mn.sanal.petitions.Category;
import mn.sanal.petitions.Channel;
import mn.sanal.petitions.NewPetition;
import mn.sanal.petitions.Petition;
import mn.sanal.petitions.PetitionService;
import mn.sanal.petitions.PetitionType;
import mn.sanal.platform.Clocks;

/**
 * The web channel: Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) at {@code /open311/v2}, JSON format.
 * No API key is needed to file a petition. Two extensions beyond the spec let a citizen write to a case without an
 * account: {@code POST requests/{id}/rating.json} and {@code POST requests/{id}/replies.json} (more information, a
 * follow-up, the keywords); all of it goes through intake's one call. A client may send an {@code Idempotency-Key}
 * header so that a retried POST files one petition: the key holds for its endpoint (and, for ratings and replies,
 * its petition) and the content it was first sent with; the same key with other content is 422 and shows nothing of
 * the first request. Filing is limited per client ({@code sanal.open311.creations-per-minute}).
 */
@RestController
@RequestMapping(path = "/open311/v2", produces = MediaType.APPLICATION_JSON_VALUE)
class Open311Controller {

    static final String TYPE_ATTRIBUTE = "attribute[petition_type]";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The petition table's columns: address_text VARCHAR(400), citizen_name VARCHAR(200). */
    static final int MAX_ADDRESS = 400;
    static final int MAX_NAME = 200;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final PetitionService petitions;
    private final IntakeService intake;
    private final OrganisationService organisations;
    private final PlaceResolver places;
    private final ClientLimits limits;

    Open311Controller(PetitionService petitions, IntakeService intake, OrganisationService organisations,
                      PlaceResolver places, ClientLimits limits) {
        this.petitions = petitions;
        this.intake = intake;
        this.organisations = organisations;
        this.places = places;
        this.limits = limits;
    }

    @GetMapping("/services.json")
    List<Map<String, Object>> services() {
        return java.util.stream.Stream.concat(petitions.categories().stream().map(c -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service_code", c.code());
            s.put("service_name", c.nameMn());
            s.put("description", c.descriptionMn());
            s.put("metadata", true);
            s.put("type", "realtime");
            s.put("keywords", "");
            s.put("group", "Өргөдөл, гомдол");
            return s;
        }), java.util.stream.Stream.of(ldfService())).toList();
    }

    /** The Local Development Fund's proposals (mn.sanal.ldf): taken by intake's LDF kind, not as petitions. */
    private static Map<String, Object> ldfService() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", LdfProposals.SERVICE_CODE);
        s.put("service_name", "ОНХС-д санал өгөх");
        s.put("description", "Орон нутгийг хөгжүүлэх санд багийнхаа төслийн санал (1/1-5/31). Хаягт сум, багаа бичнэ.");
        s.put("metadata", false);
        s.put("type", "realtime");
        s.put("keywords", "ОНХС");
        s.put("group", "Орон нутгийг хөгжүүлэх сан");
        return s;
    }

    @GetMapping("/services/{code}.json")
    Map<String, Object> serviceDefinition(@PathVariable String code) {
        Category c = petitions.category(code).orElseThrow(() -> notFound("Үйлчилгээ '" + code + "' байхгүй."));
        List<Map<String, String>> values = new ArrayList<>();
        for (PetitionType t : PetitionType.values()) {
            values.add(Map.of("key", t.name(), "name", t.labelMn()));
        }
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("variable", true);
        attribute.put("code", "petition_type");
        attribute.put("datatype", "singlevaluelist");
        attribute.put("required", false);
        attribute.put("datatype_description", "Өргөдлийн төрөл; өгөөгүй бол Хүсэлт");
        attribute.put("order", 1);
        attribute.put("description", "Өргөдлийн төрөл");
        attribute.put("values", values);
        return Map.of("service_code", c.code(), "attributes", List.of(attribute));
    }

    @PostMapping(path = "/requests.json", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE})
    ResponseEntity<List<Map<String, Object>>> createRequest(
            @RequestParam("service_code") String serviceCode,
            @RequestParam(name = "description", required = false) String description,
            @RequestParam(name = "lat", required = false) Double lat,
            @RequestParam(name = "long", required = false) Double lon,
            @RequestParam(name = "address_string", required = false) String address,
            @RequestParam(name = "email", required = false) String email,
            @RequestParam(name = "phone", required = false) String phone,
            @RequestParam(name = "first_name", required = false) String firstName,
            @RequestParam(name = "last_name", required = false) String lastName,
            @RequestParam(name = TYPE_ATTRIBUTE, required = false) String type,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest http) {
        checkFields(http);
        String key = idempotencyKey(idempotencyKey);
        if (!WebInput.visible(description)) {
            throw badRequest("description: өргөдлийн агуулгыг бичнэ үү.");
        }
        String cleanPhone = WebContacts.phone(phone);
        String cleanEmail = WebContacts.email(email);
        if (phone != null && !phone.isBlank() && cleanPhone == null) {
            throw badRequest("phone: утасны дугаар буруу байна (жишээ нь 99112233).");
        }
        if (email != null && !email.isBlank() && cleanEmail == null) {
            throw badRequest("email: имэйл хаяг буруу байна (жишээ нь bat@example.mn).");
        }
        if (cleanPhone == null && cleanEmail == null) {
            throw badRequest("phone эсвэл email: хариу хүргэх утас эсвэл имэйл хаяг шаардлагатай.");
        }
        checkCoordinates(lat, lon);
        if (address != null && !address.isEmpty() && !WebInput.visible(address)) {
            throw badRequest("address_string: хаяг хоосон байна.");
        }
        if (address != null && address.length() > MAX_ADDRESS) {
            throw badRequest("address_string: хаяг хэт урт байна (" + MAX_ADDRESS + " тэмдэгтээс ихгүй).");
        }
        if (!WebInput.visible(address) && (lat == null || lon == null)) {
            throw badRequest("address_string эсвэл lat/long: байршлыг (аймаг, сум, баг) заана уу.");
        }
        String name = name(firstName, lastName);
        PetitionType petitionType = PetitionType.REQUEST;
        if (type != null && !type.isBlank()) {
            petitionType = PetitionType.fromKeyword(type)
                    .orElseThrow(() -> badRequest(TYPE_ATTRIBUTE + ": COMPLAINT, SUGGESTION, REQUEST, CRITICISM, "
                            + "THANKS-ийн аль нэг байна."));
        }
        limits.creation(http.getRemoteAddr()).ifPresent(seconds -> {
            throw new Open311Exception(HttpStatus.TOO_MANY_REQUESTS, "Энэ хаягаас хэт олон өргөдөл ирлээ. "
                    + seconds + " секундын дараа дахин оролдоно уу.", seconds);
        });
        if (petitions.category(serviceCode).isEmpty() && !LdfProposals.SERVICE_CODE.equals(serviceCode)) {
            throw notFound("service_code '" + serviceCode + "' байхгүй. GET services.json жагсаалтаас сонгоно уу.");
        }
        Place place = WebInput.visible(address) ? places.fromAddress(address) : Place.UNKNOWN;
        if (!place.isKnown() && lat != null && lon != null) {
            place = places.fromCoordinates(lat, lon);
        }
        NewPetition p = new NewPetition(Channel.WEB, key == null ? "web-" + UUID.randomUUID() : key,
                petitionType, description.strip(), cleanPhone, cleanEmail, null, name, serviceCode,
                new NewPetition.Location(place.aimagCode(), place.soumCode(), place.bagCode(), address, lat, lon),
                null);
        // what the key stands for: this endpoint and everything the client sent, as sent
        String fingerprint = WebInput.fingerprint("requests", serviceCode, description, lat, lon, address, email,
                phone, firstName, lastName, type);
        IntakeResult result = intake.submit(p, fingerprint);
        if (result instanceof IntakeResult.PetitionAccepted accepted) {
            Petition created = accepted.petition();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("service_request_id", created.trackingCode());
            body.put("service_notice", "Өргөдлийг хүлээн авлаа. Код: " + created.trackingCode()
                    + ". Хариу өгөх хугацааг удахгүй мэдэгдэнэ.");
            body.put("account_id", null);
            return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(List.of(body));
        }
        if (result instanceof IntakeResult.Replied ldf && ldf.kind() == IntakeResult.Kind.LDF_PROPOSAL) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("service_request_id", null);
            body.put("service_notice", ldf.duplicate() ? "ОНХС: санал хүлээн авсан." : ldf.reply());
            body.put("account_id", null);
            return ResponseEntity.status(ldf.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(List.of(body));
        }
        if (result instanceof IntakeResult.Replied ldf && ldf.kind() == IntakeResult.Kind.LDF_CLOSED) {
            throw new Open311Exception(HttpStatus.CONFLICT, ldf.duplicate() ? LdfTexts.CLOSED : ldf.reply());
        }
        throw rejected(result);
    }

    @GetMapping("/requests/{id}.json")
    List<Map<String, Object>> request(@PathVariable String id, HttpServletRequest http) {
        return List.of(view(lookup(id, http)));
    }

    @GetMapping("/requests.json")
    List<Map<String, Object>> requests(@RequestParam("service_request_id") String ids, HttpServletRequest http) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String id : ids.split(",")) {
            out.add(view(lookup(id.strip(), http)));
        }
        return out;
    }

    @PostMapping(path = "/requests/{id}/rating.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    List<Map<String, Object>> rate(@PathVariable String id, @RequestParam("rating") String rating,
                                   @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                   HttpServletRequest http) {
        checkFields(http);
        String checkedKey = idempotencyKey(key);
        int value;
        try {
            value = Integer.parseInt(rating.strip());
        } catch (NumberFormatException e) {
            throw badRequest("rating: 1-5 тоо байна.");
        }
        Petition p = lookup(id, http);
        return answered(intake.rate(Channel.WEB, externalId("rating", p, checkedKey), http.getRemoteAddr(), p, value,
                WebInput.fingerprint("rating", p.id(), value)));
    }

    /**
     * The citizen writes to the case (the code in the path is the proof, as for rating): the information it waits
     * for, else a follow-up added to the open case, or a new petition linked to a closed one; the keywords work here
     * as in an SMS (ШАЛГАХ, ТУСЛАМЖ, ЗОГС, ЭХЛЭХ, a bare 1-5 while the answer awaits a rating). What intake answered is
     * in {@code service_notice}.
     */
    @PostMapping(path = "/requests/{id}/replies.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<List<Map<String, Object>>> reply(
            @PathVariable String id, @RequestParam("text") String text,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, HttpServletRequest http) {
        checkFields(http);
        String checkedKey = idempotencyKey(key);
        if (!WebInput.visible(text)) {
            throw badRequest("text: нэмэлт мэдээллээ бичнэ үү.");
        }
        Petition p = lookup(id, http);
        IntakeResult result = intake.receive(InboundMessage.of(Channel.WEB, externalId("reply", p, checkedKey),
                        http.getRemoteAddr(), text)
                .addressedTo(p.trackingCode()).withFingerprint(WebInput.fingerprint("reply", p.id(), text)));
        if (result instanceof IntakeResult.PetitionAccepted accepted) {
            return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(List.of(view(accepted.petition(), "Өмнөх өргөдөл хаагдсан тул шинэ өргөдөл бүртгэлээ. Код: "
                            + accepted.petition().trackingCode() + ".")));
        }
        if (result instanceof IntakeResult.Replied replied) {
            return ResponseEntity.ok(List.of(view(replied.petition() == null ? p : replied.petition(),
                    replied.reply())));
        }
        return ResponseEntity.ok(answered(result));
    }

    private List<Map<String, Object>> answered(IntakeResult result) {
        if (result instanceof IntakeResult.Recorded recorded) {
            return List.of(view(recorded.petition()));
        }
        throw rejected(result);
    }

    /** A result other than the one the endpoint expects never shows anything of the petition it names. */
    private static Open311Exception rejected(IntakeResult result) {
        if (!(result instanceof IntakeResult.Rejected rejected)) {
            return keyReused();
        }
        return switch (rejected.reason()) {
            case INVALID -> badRequest(rejected.message());
            case KEY_REUSED -> keyReused();
            case UNKNOWN_PETITION, NOT_AWAITING_RATING, NOT_AWAITING_INFORMATION ->
                    new Open311Exception(HttpStatus.CONFLICT, rejected.message());
        };
    }

    private static Open311Exception keyReused() {
        return new Open311Exception(HttpStatus.UNPROCESSABLE_ENTITY, IDEMPOTENCY_KEY + ": энэ түлхүүрийг өөр "
                + "агуулгатай хүсэлтэд ашигласан байна. Хүсэлт бүрд шинэ түлхүүр (жишээ нь UUID) үүсгэнэ үү.");
    }

    /** Refuses control characters (NUL above all) in any field, whatever its name. */
    private static void checkFields(HttpServletRequest http) {
        String field = WebInput.fieldWithControlCharacter(http.getParameterMap());
        if (field != null) {
            throw badRequest(field + ": хэвлэгдэхгүй удирдах тэмдэгт (жишээ нь NUL) агуулж болохгүй.");
        }
    }

    /** The client's key, checked; null when the client sent none. */
    private static String idempotencyKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!WebInput.validIdempotencyKey(key)) {
            throw badRequest(IDEMPOTENCY_KEY + ": 1-" + WebInput.MAX_IDEMPOTENCY_KEY
                    + " тэмдэгт, зөвхөн латин үсэг, тоо, тэмдэг (ASCII) байна.");
        }
        return key;
    }

    private static void checkCoordinates(Double lat, Double lon) {
        if (lat != null && (!Double.isFinite(lat) || Math.abs(lat) > 90)) {
            throw badRequest("lat: өргөрөг -90-90 градусын хооронд байна.");
        }
        if (lon != null && (!Double.isFinite(lon) || Math.abs(lon) > 180)) {
            throw badRequest("long: уртраг -180-180 градусын хооронд байна.");
        }
    }

    private static String name(String firstName, String lastName) {
        for (String[] part : new String[][] {{"first_name", firstName}, {"last_name", lastName}}) {
            if (part[1] != null && !part[1].isEmpty() && !WebInput.visible(part[1])) {
                throw badRequest(part[0] + ": нэр хоосон байна.");
            }
        }
        String name = String.join(" ", Stream.of(firstName, lastName)
                .filter(WebInput::visible).map(String::strip).toList());
        if (name.length() > MAX_NAME) {
            throw badRequest("first_name, last_name: нэр хэт урт байна (нийлээд " + MAX_NAME + " тэмдэгтээс ихгүй).");
        }
        return name.isEmpty() ? null : name;
    }

    private Petition lookup(String id, HttpServletRequest http) {
        limits.lookup(http.getRemoteAddr()).ifPresent(seconds -> {
            throw new Open311Exception(HttpStatus.TOO_MANY_REQUESTS,
                    "Хэт олон хүсэлт ирлээ. Нэг минутын дараа дахин оролдоно уу.", seconds);
        });
        return petitions.findByTrackingCode(id)
                .orElseThrow(() -> notFound("Өргөдөл '" + id + "' олдсонгүй. Кодоо шалгана уу (жишээ нь K7Q2-9XMD)."));
    }

    private Map<String, Object> view(Petition p) {
        return view(p, null);
    }

    private Map<String, Object> view(Petition p, String notice) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", p.trackingCode());
        r.put("status", p.status().isOpen() ? "open" : "closed");
        r.put("status_notes", p.status().labelMn() + (p.overdue() ? " (хугацаа хэтэрсэн)" : "")
                + (p.answer() != null ? ". Хариу: " + p.answer() : ""));
        r.put("service_name", petitions.category(p.category()).map(Category::nameMn).orElse(null));
        r.put("service_code", p.category());
        r.put("description", p.text());
        r.put("agency_responsible", organisations.body(p.responsibleBody()).map(Body::nameMn).orElse(null));
        r.put("service_notice", notice);
        r.put("requested_datetime", format(p.receivedAt()));
        r.put("updated_datetime", format(p.updatedAt()));
        r.put("expected_datetime", format(p.dueAt()));
        r.put("address", p.addressText() != null ? p.addressText()
                : organisations.describe(p.aimagCode(), p.soumCode(), p.bagCode()));
        r.put("address_id", p.bagCode() != null ? p.bagCode() : p.soumCode());
        r.put("zipcode", null);
        r.put("lat", p.latitude());
        r.put("long", p.longitude());
        r.put("media_url", null);
        return r;
    }

    /**
     * The ledger id of a rating or reply: scoped to the endpoint and the petition, so that a key used on one petition
     * or endpoint never finds what it did on another. The key is hashed: the scope and a 255-character key would not
     * fit the ledger's column together. Filing keeps the key as sent (the endpoint that had the ledger to itself).
     */
    private static String externalId(String scope, Petition p, String key) {
        return scope + ":" + p.id() + ":" + (key == null ? "web-" + UUID.randomUUID() : WebInput.sha256(key));
    }

    private static String format(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Clocks.ZONE).format(ISO);
    }

    private static Open311Exception badRequest(String description) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, description);
    }

    private static Open311Exception notFound(String description) {
        return new Open311Exception(HttpStatus.NOT_FOUND, description);
    }
}
