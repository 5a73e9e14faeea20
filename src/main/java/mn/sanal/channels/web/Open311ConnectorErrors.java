package mn.sanal.channels.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;

/**
 * Errors Tomcat itself answers before the application sees the request (an encoded NUL or slash in the path, a
 * malformed URI), for {@code /open311} paths in the Open311 error format instead of Tomcat's HTML page. A host valve
 * placed inside Boot's error report valve: it writes the error first, and the outer valve then leaves the committed
 * response alone; other paths it leaves to that valve.
 */
@Component
class Open311ConnectorErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public int getOrder() {
        // after Boot's customizer, whose error report valve must be added to the host first (outside ours)
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.getParent().getPipeline().addValve(new Valve()));
    }

    static final class Valve extends ValveBase {

        Valve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            String uri = request.getRequestURI();
            if (!response.isError() || response.isCommitted() || response.getContentWritten() > 0 || uri == null
                    || !Open311Errors.isOpen311Path(uri) || response.getStatus() < 400
                    || !response.setErrorReported()) {
                return;
            }
            response.setSuspended(false);
            response.resetBuffer();
            Open311Headers.apply(uri, response);
            int status = response.getStatus();
            Open311Errors.write(response, uri.endsWith(".xml"), status, status == 400
                    ? "Хүсэлт буруу байна: хаяг (жишээ нь кодлогдсон NUL, / тэмдэгт), толгой мэдээллийг шалгана уу."
                    : "Хүсэлтийг биелүүлж чадсангүй (HTTP " + status + ").");
            response.finishResponse();
        }
    }
}
