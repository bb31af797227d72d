package com.memora.infra.security;

import com.memora.infra.testsupport.ApiClient;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DenyByDefaultTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** Endpoints that are public on purpose, each with its reason. */
    private static final List<String> PUBLIC_BY_DESIGN = List.of(
            "DevTokenController");    // embedded default only, loopback only (X2)

    @Test
    void everyEndpointOfOursNamesTheRolesThatMayCallIt() {
        List<String> unguarded = mappings.getHandlerMethods().values().stream()
                .filter(handler -> handler.getBeanType().getName().startsWith("com.memora"))
                .filter(handler -> !PUBLIC_BY_DESIGN.contains(handler.getBeanType().getSimpleName()))
                .filter(handler -> !guarded(handler))
                .map(HandlerMethod::toString)
                .toList();
        assertThat(unguarded).isEmpty();
        assertThat(mappings.getHandlerMethods()).isNotEmpty();
    }

    private static boolean guarded(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
               || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
    }

    @Test
    void pathsNoRuleNamesAreRefused() {
        assertThat(anonymous().get("/somewhere/else").status()).isEqualTo(401);
        assertThat(api(TestTokens.admin()).get("/somewhere/else").status()).isEqualTo(403);
    }

    @Test
    void theTokenHelperDoesNotExistWhenAProductionKeyIsConfigured() {
        assertThat(anonymous().get("/dev/tokens").status()).isEqualTo(404);
    }

    @Test
    void operationsNeedAnAdmin() {
        assertThat(api(TestTokens.editor()).get("/api/admin/notifications").status()).isEqualTo(403);
        assertThat(api(TestTokens.player("p")).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api(TestTokens.admin()).withHeader("Accept", "text/plain").get("/actuator/prometheus").status())
                .isEqualTo(200);
    }

    @Test
    void theRoleIsCheckedBeforeTheBodyIsRead() {
        ApiClient.Response response = api(TestTokens.player("p")).post("/api/seasons", "{}");
        assertThat(response.status()).isEqualTo(403);
    }
}
