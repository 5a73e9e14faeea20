package mn.sanal.channels.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every error under {@code /open311} in the Open311 error format, whatever raised it: our own {@link Open311Exception},
 * Spring MVC's (unknown path, method, media type, missing or mistyped parameter, unreadable multipart) and anything
 * unexpected (500, logged, no details to the client). A path ending in {@code .xml} gets Open311's XML error document
 * ({@code <errors><error><code/><description/></error></errors>}): a client chooses the format by the extension, so a
 * client that asked for XML parses XML; the description tells it that this server speaks JSON only. Everything else
 * gets {@code [{"code": ..., "description": "..."}]}.
 * <p>
 * Ordered before Spring MVC's own resolvers (and so before the application-wide problem-details handler), and only
 * for {@code /open311} paths: other paths are left to them.
 */
@Component
class Open311Errors implements HandlerExceptionResolver, Ordered {

    static final String PREFIX = "/open311";
    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public int getOrder() {
        // after Boot's DefaultErrorAttributes (HIGHEST_PRECEDENCE), which only records the exception
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    static boolean isOpen311(HttpServletRequest request) {
        return isOpen311Path(request.getRequestURI().substring(request.getContextPath().length()));
    }

    static boolean isOpen311Path(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        if (!isOpen311(request) || response.isCommitted()) {
            return null;
        }
        Open311Exception error = translate(request, handler, e);
        if (error.status() == HttpStatus.METHOD_NOT_ALLOWED
                && e instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ",
                    m.getSupportedHttpMethods().stream().map(Object::toString).toList()));
        }
        if (error.retryAfterSeconds() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, error.retryAfterSeconds().toString());
        }
        try {
            write(response, request.getRequestURI().endsWith(".xml"), error.status().value(), error.getMessage());
        } catch (IOException io) {
            log.debug("Open311 error response not written: {}", io.toString());
        }
        return new ModelAndView();
    }

    private Open311Exception translate(HttpServletRequest request, Object handler, Exception e) {
        if (e instanceof Open311Exception o) {
            return o;
        }
        if (request.getRequestURI().endsWith(".xml")) {
            return new Open311Exception(HttpStatus.NOT_FOUND, "XML хэлбэрээр үйлчилдэггүй: ижил хаягийг .xml-ийн "
                    + "оронд .json төгсгөлтэйгээр (JSON хэлбэрээр) дуудна уу.");
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException
                || (e instanceof HttpRequestMethodNotSupportedException && !(handler instanceof HandlerMethod)
                && handler != null)) {
            // no such resource: the static-resource fallback answers every path, and every method but GET with 405
            return new Open311Exception(HttpStatus.NOT_FOUND, "Ийм хаяг байхгүй. Open311 GeoReport v2-ийн хаягууд: "
                    + "/open311/v2/services.json, /open311/v2/requests.json, /open311/v2/requests/{код}.json.");
        }
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return new Open311Exception(HttpStatus.METHOD_NOT_ALLOWED,
                    m.getMethod() + " арга энэ хаягт хэрэглэгдэхгүй.");
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return new Open311Exception(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Хүсэлтийн төрөл (Content-Type) "
                    + "application/x-www-form-urlencoded байна (requests.json-д multipart/form-data бас болно).");
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return new Open311Exception(HttpStatus.NOT_ACCEPTABLE, "Хариуг зөвхөн application/json хэлбэрээр өгнө.");
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return Open311Exception.badRequest(m.getParameterName() + ": заавал бөглөх талбар.");
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return Open311Exception.badRequest(m.getName() + ": утгын хэлбэр буруу байна.");
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return new Open311Exception(HttpStatus.PAYLOAD_TOO_LARGE, "Хүсэлт хэт том байна.");
        }
        if (e instanceof MultipartException) {
            return Open311Exception.badRequest("multipart/form-data хүсэлтийг уншиж чадсангүй (boundary шалгана уу).");
        }
        if (e instanceof ServletRequestBindingException) {
            return Open311Exception.badRequest("Хүсэлт буруу байна: " + e.getMessage());
        }
        if (e instanceof org.springframework.web.ErrorResponse r && r.getStatusCode().is4xxClientError()) {
            return new Open311Exception(HttpStatus.valueOf(r.getStatusCode().value()), "Хүсэлт буруу байна.");
        }
        log.error("Open311 {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return new Open311Exception(HttpStatus.INTERNAL_SERVER_ERROR,
                "Дотоод алдаа гарлаа. Хэсэг хугацааны дараа дахин оролдоно уу.");
    }

    /** Writes the Open311 error document, in XML or JSON, with the given status. */
    static void write(HttpServletResponse response, boolean xml, int status, String description) throws IOException {
        response.setStatus(status);
        byte[] body;
        if (xml) {
            response.setContentType(MediaType.APPLICATION_XML_VALUE + ";charset=UTF-8");
            body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<errors>\n  <error>\n    <code>" + status
                    + "</code>\n    <description>" + HtmlUtils.htmlEscape(description, "UTF-8")
                    + "</description>\n  </error>\n</errors>\n").getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            body = JSON.writeValueAsBytes(List.of(Map.of("code", status, "description", description)));
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
