package com.memora.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.CoyoteAdapter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests Tomcat refuses before the application sees them — an encoded {@code /}, {@code \} or NUL in the path, a
 * malformed URI or header — answer with an RFC 7807 problem like every other error, instead of Tomcat's HTML error
 * page. Tomcat reports them through the host's error report valve; this configuration puts ours in place of the one
 * Spring Boot adds.
 */
@Configuration(proxyBeanMethods = false)
class ContainerProblemReports {

    /** After Spring Boot's own Tomcat customizer (order 0), which adds the HTML valve this one replaces. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve());
            if (host instanceof StandardHost standardHost) {
                // the host adds a valve of this class on start when it finds none: ours is there
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Writes the status Tomcat set as a problem; it never echoes Tomcat's message (it may quote the request). */
    static final class ProblemReportValve extends ErrorReportValve {

        private static final ObjectMapper JSON = new ObjectMapper();
        /** The message Tomcat's connector gives a path it refuses ("Invalid URI" in English), in its own words. */
        private static final String INVALID_URI = StringManager.getManager(CoyoteAdapter.class)
                                                               .getString("coyoteAdapter.invalidURI");

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return; // the application answered already
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                return; // no status Tomcat sets itself
            }
            boolean invalidUri = status == HttpStatus.BAD_REQUEST
                                 && String.valueOf(response.getMessage()).startsWith(INVALID_URI);
            ProblemDetail refused = invalidUri ? Problems.rejectedPath()
                                    : Problems.ofStatus(status, "The request was refused before it reached the API");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", refused.getType().toString());
            problem.put("title", refused.getTitle());
            problem.put("status", refused.getStatus());
            problem.put("detail", refused.getDetail());
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                getContainer().getLogger().debug("Could not write the problem for status " + code, e);
            }
        }
    }
}
