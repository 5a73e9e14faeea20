package mn.sanal.channels.sms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SMSC on jSMPP's server side: the app binds to it as it would to an operator's SMSC. It plays the citizens
 * (deliver_sm of a text as phone X, split and encoded as a phone would), records what the app submits, answers with
 * delivery receipts, and can throttle (ESME_RTHROTTLED) or go away and come back. Used by {@code ./mvnw
 * spring-boot:run} in development and by the integration tests as their SMPP peer. It listens on one address only
 * (loopback unless configured otherwise) and accepts one system id and password: the ones the app binds with.
 */
public class SmscSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);
    public static final int ESME_RTHROTTLED = 0x58;
    static final int ESME_RINVPASWD = 0x0E;
    static final int ESME_RINVSYSID = 0x0F;

    /** One submit_sm as received; {@code toTon}, {@code toNpi}: the destination's type of number and plan. */
    public record SubmittedPart(String messageId, String from, String to, byte dataCoding, byte esmClass,
                                byte[] shortMessage, Instant at, byte toTon, byte toNpi) {
    }

    /** What a citizen's phone shows: the parts of one message joined. */
    public record SentSms(String to, String from, String text, int parts, byte dataCoding, List<String> messageIds,
                          Instant at, byte toTon, byte toNpi) {
    }

    /** The SMSC's answer to one deliver_sm: 0 for OK, else the error status; how long the app took. */
    public record DeliverResult(int status, Duration took) {
    }

    private final String host;
    private final int port;
    private final String systemId;
    private final String password;
    private final Duration receiptDelay;
    private final List<SubmittedPart> submitted = new CopyOnWriteArrayList<>();
    private final List<Bound> sessions = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger nextReceiver = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1000);
    private final AtomicLong moIds = new AtomicLong();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger refs = new AtomicInteger();
    private final ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smsc-sim-receipts");
        t.setDaemon(true);
        return t;
    });
    private volatile SMPPServerSessionListener listener;
    private volatile Thread acceptor;

    private record Bound(SMPPServerSession session, BindType type) {
    }

    /**
     * @param host     the address to listen on (e.g. 127.0.0.1; never all interfaces)
     * @param systemId the only system id a bind may give
     * @param password the only password a bind may give (may be empty)
     */
    public SmscSimulator(String host, int port, String systemId, String password, Duration receiptDelay) {
        this.host = host;
        this.port = port;
        this.systemId = systemId;
        this.password = password == null ? "" : password;
        this.receiptDelay = receiptDelay;
    }

    /** A peer for tests: on loopback, for the app's default login (system id {@code sanal}, no password). */
    public SmscSimulator(int port, Duration receiptDelay) {
        this(InetAddress.getLoopbackAddress().getHostAddress(), port, "sanal", "", receiptDelay);
    }

    public int port() {
        return port;
    }

    public synchronized void start() throws IOException {
        if (listener != null) {
            return;
        }
        SMPPServerSessionListener l = new SMPPServerSessionListener(port, new OneAddress(InetAddress.getByName(host)));
        l.setMessageReceiverListener(new Receiver());
        listener = l;
        acceptor = new Thread(() -> acceptLoop(l), "smsc-sim-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("SMSC simulator listening on {}:{}", host, port);
    }

    /** Closes the port and every session, as an SMSC that goes away. */
    public synchronized void stop() {
        SMPPServerSessionListener l = listener;
        listener = null;
        if (l != null) {
            try {
                l.close();
            } catch (IOException e) {
                log.debug("closing listener", e);
            }
        }
        for (Bound b : sessions) {
            b.session().close();
        }
        sessions.clear();
    }

    @Override
    public void close() {
        stop();
        receipts.shutdownNow();
    }

    private void acceptLoop(SMPPServerSessionListener l) {
        while (listener == l) {
            try {
                SMPPServerSession session = l.accept();
                session.setTransactionTimer(30_000);
                Thread t = new Thread(() -> bind(session), "smsc-sim-bind");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (listener == l) {
                    log.warn("SMSC simulator accept failed: {}", e.toString());
                }
            }
        }
    }

    /** Answers the bind in the background: the configured system id and password, or a refusal. */
    private void bind(SMPPServerSession session) {
        try {
            BindRequest req = session.waitForBind(10_000);
            // jSMPP reads an empty C-Octet string as null
            boolean knownId = systemId.equals(Objects.toString(req.getSystemId(), ""));
            if (!knownId || !password.equals(Objects.toString(req.getPassword(), ""))) {
                log.warn("SMSC simulator: bind refused (wrong system id or password)");
                req.reject(knownId ? ESME_RINVPASWD : ESME_RINVSYSID);
                // closed a moment later: closed at once, the refusal could be lost and the peer wait for it
                receipts.schedule(session::close, 1, TimeUnit.SECONDS);
                return;
            }
            req.accept("sanal-sim");
            sessions.add(new Bound(session, req.getBindType()));
            session.addSessionStateListener((newState, oldState, source) -> {
                if (!newState.isBound()) {
                    sessions.removeIf(b -> b.session() == source);
                }
            });
            log.info("SMSC simulator: {} bound as {}", req.getSystemId(), req.getBindType());
        } catch (Exception e) {
            log.warn("SMSC simulator: bind failed: {}", e.toString());
            session.close();
        }
    }

    /** True when an ESME is bound to receive (RX or TRX): deliver_sm can go out. */
    public boolean receiverBound() {
        return receiver() != null;
    }

    /** Answer the next {@code n} submit_sm with ESME_RTHROTTLED. */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    public List<SubmittedPart> submitted() {
        return List.copyOf(submitted);
    }

    public void clear() {
        submitted.clear();
    }

    /** What the app sent, concatenated parts joined, oldest first. */
    public List<SentSms> sent() {
        Map<String, List<SubmittedPart>> groups = new LinkedHashMap<>();
        for (SubmittedPart p : submitted) {
            String key = p.messageId();
            if ((p.esmClass() & 0x40) != 0 && p.shortMessage().length > 5) {
                key = p.to() + ":" + (p.shortMessage()[3] & 0xFF) + ":" + (p.shortMessage()[4] & 0xFF);
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<SentSms> out = new ArrayList<>();
        for (List<SubmittedPart> parts : groups.values()) {
            parts.sort((a, b) -> Integer.compare(seq(a), seq(b)));
            StringBuilder text = new StringBuilder();
            for (SubmittedPart p : parts) {
                text.append(InboundPdu.decode(p.esmClass(), p.dataCoding(), p.shortMessage(), null).text());
            }
            SubmittedPart first = parts.get(0);
            out.add(new SentSms(first.to(), first.from(), text.toString(), parts.size(), first.dataCoding(),
                    parts.stream().map(SubmittedPart::messageId).toList(), first.at(), first.toTon(), first.toNpi()));
        }
        return out;
    }

    private static int seq(SubmittedPart p) {
        return (p.esmClass() & 0x40) != 0 && p.shortMessage().length > 5 ? p.shortMessage()[5] & 0xFF : 0;
    }

    /**
     * A citizen texts {@code text} from {@code from} to {@code to}: encoded and split as a phone would. The sender's
     * type of number is the one its form implies: 8 digits national, longer international.
     */
    public List<DeliverResult> send(String from, String to, String text) {
        return send(typeOf(from), from, to, text);
    }

    /** As {@link #send(String, String, String)}, with the sender's type of number as the SMSC states it. */
    public List<DeliverResult> send(TypeOfNumber fromTon, String from, String to, String text) {
        SmsEncoding.Encoded e = SmsEncoding.encode(text, refs.incrementAndGet() & 0xFF);
        List<DeliverResult> results = new ArrayList<>();
        for (byte[] part : e.parts()) {
            results.add(deliver(fromTon, from, to, e.concatenated() ? (byte) 0x40 : 0, e.dataCoding(), part,
                    messageIdTlv("sim-" + moIds.incrementAndGet())));
        }
        return results;
    }

    static TypeOfNumber typeOf(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        return digits.length() == 8 ? TypeOfNumber.NATIONAL
                : digits.length() > 8 ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN;
    }

    public static OptionalParameter messageIdTlv(String id) {
        return new OptionalParameter.OctetString((short) 0x001E, id + "\0");
    }

    /** One raw deliver_sm; the result holds the ESME's command status (0 = OK). */
    public DeliverResult deliver(String from, String to, byte esmClass, byte dataCoding, byte[] shortMessage,
                                 OptionalParameter... tlvs) {
        return deliver(typeOf(from), from, to, esmClass, dataCoding, shortMessage, tlvs);
    }

    private DeliverResult deliver(TypeOfNumber fromTon, String from, String to, byte esmClass, byte dataCoding,
                                  byte[] shortMessage, OptionalParameter... tlvs) {
        Bound rx = receiver();
        if (rx == null) {
            throw new IllegalStateException("No ESME bound to receive");
        }
        long t0 = System.nanoTime();
        int status = 0;
        try {
            rx.session().deliverShortMessage("", fromTon, NumberingPlanIndicator.ISDN, from,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, new ESMClass(esmClass), (byte) 0,
                    (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), shortMessage, tlvs);
        } catch (NegativeResponseException e) {
            status = e.getCommandStatus();
        } catch (Exception e) {
            throw new IllegalStateException("deliver_sm failed: " + e, e);
        }
        return new DeliverResult(status, Duration.ofNanos(System.nanoTime() - t0));
    }

    /** The receiver binds in turn, as an SMSC spreads mobile-originated messages over an account's binds. */
    private Bound receiver() {
        List<Bound> bound = receivers();
        return bound.isEmpty() ? null : bound.get(Math.floorMod(nextReceiver.getAndIncrement(), bound.size()));
    }

    private List<Bound> receivers() {
        return sessions.stream().filter(b -> b.type() == BindType.BIND_RX || b.type() == BindType.BIND_TRX)
                .filter(b -> b.session().getSessionState().isReceivable()).toList();
    }

    /** How many ESME binds can receive now (one per app node bound). */
    public int receiverBinds() {
        return receivers().size();
    }

    private void receipt(SubmitSm submit, String messageId) {
        Bound rx = receiver();
        if (rx == null) {
            return;
        }
        Date now = new Date();
        DeliveryReceipt r = new DeliveryReceipt(messageId, 1, 1, now, now, DeliveryReceiptState.DELIVRD, "000", "");
        try {
            rx.session().deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    submit.getDestAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    submit.getSourceAddr(), new ESMClass(0x04), (byte) 0, (byte) 0, new RegisteredDelivery(0),
                    DataCodings.newInstance((byte) 0), r.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            log.debug("SMSC simulator: receipt for {} not delivered: {}", messageId, e.toString());
        }
    }

    private class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm s, SMPPServerSession source) throws ProcessRequestException {
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("throttled", ESME_RTHROTTLED);
            }
            String id = Long.toHexString(ids.incrementAndGet());
            submitted.add(new SubmittedPart(id, s.getSourceAddr(), s.getDestAddress(), s.getDataCoding(),
                    s.getEsmClass(), s.getShortMessage(), Instant.now(), s.getDestAddrTon(), s.getDestAddrNpi()));
            log.debug("SMSC simulator: submit_sm {} ({} bytes, data_coding {})", id, s.getShortMessage().length,
                    s.getDataCoding());
            if ((s.getRegisteredDelivery() & 0x03) != 0 && !receiptDelay.isZero()) {
                receipts.schedule(() -> receipt(s, id), receiptDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti s, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }

    /** jSMPP's server sockets listen on all interfaces; this one on one address. */
    private record OneAddress(InetAddress address) implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), backlog);
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }
}
