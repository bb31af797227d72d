package com.memora.projection.export.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ExportJsonTest {

    @Test
    void writesTwoSpaceIndentedUtf8WithEmptyContainersOnOneLineAndAFinalNewline() {
        ObjectNode root = ExportJson.object();
        root.put("title", "الرياضيات");
        root.putArray("list").add(1).add("two");
        root.putArray("none");
        root.putObject("empty");
        root.putObject("nested").put("flag", true);

        String text = new String(ExportJson.render(root), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("""
                {
                  "title": "الرياضيات",
                  "list": [
                    1,
                    "two"
                  ],
                  "none": [],
                  "empty": {},
                  "nested": {
                    "flag": true
                  }
                }
                """);
    }

    @Test
    void sortedCopySortsMembersAtEveryDepthAndKeepsArrayOrder() {
        ObjectNode config = ExportJson.object();
        config.put("b", 1);
        config.putArray("a").add(ExportJson.object().put("z", 1).put("y", 2)).add(3);

        assertThat(ExportJson.sortedCopy(config).toString()).isEqualTo("{\"a\":[{\"y\":2,\"z\":1},3],\"b\":1}");
    }

    @Test
    void numbersAreReadBackWithTheirExactValue() {
        byte[] bytes = "{\"weight\":0.1,\"big\":12345678901234567890}".getBytes(StandardCharsets.UTF_8);

        assertThat(ExportJson.compact(ExportJson.parse(bytes))).isEqualTo(bytes);
    }
}
