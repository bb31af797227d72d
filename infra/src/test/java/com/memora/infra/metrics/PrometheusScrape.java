package com.memora.infra.metrics;

import com.memora.infra.testsupport.ApiClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus} as Prometheus reads it: text lines {@code name{label="v",…} value}. */
public final class PrometheusScrape {

    private final String text;

    private PrometheusScrape(String text) {
        this.text = text;
    }

    public static PrometheusScrape of(ApiClient admin) {
        ApiClient.Response response = admin.withHeader("Accept", "text/plain").get("/actuator/prometheus");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return new PrometheusScrape(response.body());
    }

    String text() {
        return text;
    }

    /** The sum of the series of this name whose labels include these; NaN when no such series exists. */
    public double value(String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            if (labels.entrySet().stream().allMatch(label -> series.contains(label.getKey() + "=\""
                                                                              + label.getValue() + "\""))) {
                sum += Double.parseDouble(line.substring(space + 1));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    public double value(String name) {
        return value(name, Map.of());
    }
}
