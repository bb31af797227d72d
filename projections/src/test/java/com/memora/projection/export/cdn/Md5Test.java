package com.memora.projection.export.cdn;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Md5Test {

    @Test
    void hexOfBytesIsWhatS3ReturnsForASinglePartUpload() {
        assertThat(Md5.hex("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
        assertThat(Md5.hex(new byte[0])).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void etagsLoseTheirQuotesAndWeakMarker() {
        assertThat(Md5.fromEtag("\"9E107D9D372BB6826BD81D3542A419D6\"")).isEqualTo("9e107d9d372bb6826bd81d3542a419d6");
        assertThat(Md5.fromEtag("W/\"abc\"")).isEqualTo("abc");
        assertThat(Md5.fromEtag("abc")).isEqualTo("abc");
        assertThat(Md5.fromEtag(null)).isNull();
    }
}
