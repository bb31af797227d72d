package com.memora.infra.ops;

import com.icegreen.greenmail.util.GreenMail;
import com.memora.infra.testsupport.IntegrationTest;
import com.memora.infra.testsupport.TestServers;
import com.memora.kernel.ops.Alert;
import com.memora.kernel.ops.AlertSeverity;
import com.memora.kernel.ops.Alerts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Alerts reach the administrators by mail through a real SMTP server, once per alert, not once per repeat. */
class AlertMailTest extends IntegrationTest {

    @Autowired
    Alerts alerts;

    private static List<MimeMessage> mailsAbout(String subject) {
        GreenMail smtp = TestServers.get().smtp();
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> subjectOf(mail).contains(subject)).toList();
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAlertIsMailedToTheAdministratorsOnceHoweverOftenItRepeats() throws Exception {
        String plan = "plan-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            alerts.raise(Alert.of("export-dead-letter", AlertSeverity.CRITICAL, plan,
                                  "CDN sync failed after 7 retries: connection refused"));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsAbout(plan).size() == 1);

        MimeMessage mail = mailsAbout(plan).get(0);
        assertThat(mail.getSubject()).isEqualTo("[Memora] CRITICAL export-dead-letter: " + plan);
        assertThat(mail.getAllRecipients()).extracting(Object::toString)
                                           .containsExactly(TestServers.ALERT_RECIPIENT);
        assertThat(body(mail)).contains("CDN sync failed after 7 retries: connection refused");

        String otherPlan = "plan-" + UUID.randomUUID();
        alerts.raise(Alert.of("export-dead-letter", AlertSeverity.CRITICAL, otherPlan, "another plan failed"));
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsAbout(otherPlan).size() == 1);
        assertThat(mailsAbout(plan)).as("the repeats were not mailed").hasSize(1);
    }

    @Test
    void anAlertRaisedAgainAfterItsConditionWasResolvedIsMailedAgain() {
        String plan = "plan-" + UUID.randomUUID();
        Alert deadLetter = Alert.of("export-dead-letter", AlertSeverity.CRITICAL, plan, "dead-lettered");
        alerts.raise(deadLetter);
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsAbout(plan).size() == 1);

        alerts.resolve(deadLetter.dedupKey()); // e.g. an operator's retry published it
        clock.advance(Duration.ofMinutes(10));
        alerts.raise(deadLetter);
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsAbout(plan).size() == 2);
        alerts.raise(deadLetter);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailsAbout(plan).size() == 2);
    }

    private static String body(MimeMessage mail) throws IOException, MessagingException {
        return String.valueOf(mail.getContent());
    }
}
