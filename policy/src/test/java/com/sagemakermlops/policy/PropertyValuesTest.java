package com.sagemakermlops.policy;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.sagemakermlops.policy.Fixtures.l;
import static com.sagemakermlops.policy.Fixtures.m;
import static org.assertj.core.api.Assertions.assertThat;

class PropertyValuesTest {
    private static Value str(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Value obj(Object... kv) {
        Struct.Builder b = Struct.newBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.putFields((String) kv[i], (Value) kv[i + 1]);
        }
        return Value.newBuilder().setStructValue(b).build();
    }

    private static Object decode(Value v) {
        return PropertyValues.fromStruct(Struct.newBuilder().putFields("p", v).build()).get("p");
    }

    @Test
    void plainValuesRoundTrip() {
        Map<String, Object> props = m("s", "text", "b", true, "n", 42.0, "nil", null,
                "list", l("a", 1.0), "map", m("k", "v"));
        assertThat(PropertyValues.fromStruct(PropertyValues.toStruct(props))).isEqualTo(props);
    }

    @Test
    void decodesUnknownSecretAndOutputValues() {
        assertThat(decode(str(PropertyValues.UNKNOWN_SIG))).isSameAs(PropertyValues.UNKNOWN);
        assertThat(decode(obj(PropertyValues.SIG_KEY, str(PropertyValues.SECRET_SIG), "value", str("s3cr3t"))))
                .isEqualTo(new PropertyValues.Secret("s3cr3t"));
        assertThat(decode(obj(PropertyValues.SIG_KEY, str(PropertyValues.OUTPUT_SIG), "value", str("known"))))
                .isEqualTo("known");
        assertThat(decode(obj(PropertyValues.SIG_KEY, str(PropertyValues.OUTPUT_SIG), "value", str("x"),
                "secret", Value.newBuilder().setBoolValue(true).build())))
                .isEqualTo(new PropertyValues.Secret("x"));
        assertThat(decode(obj(PropertyValues.SIG_KEY, str(PropertyValues.OUTPUT_SIG),
                "dependencies", Value.newBuilder().setListValue(com.google.protobuf.ListValue.newBuilder()
                        .addValues(str("urn:a"))).build())))
                .isSameAs(PropertyValues.UNKNOWN);
    }

    @Test
    void decodesAssetsArchivesAndResourceReferences() {
        assertThat(decode(obj(PropertyValues.SIG_KEY, str(PropertyValues.ASSET_SIG), "path", str("a.txt"))))
                .isEqualTo(m("path", "a.txt", "kind", "asset"));
        assertThat(decode(obj(PropertyValues.SIG_KEY, str(PropertyValues.ARCHIVE_SIG), "path", str("a.zip"))))
                .isEqualTo(m("path", "a.zip", "kind", "archive"));
        assertThat(decode(obj(PropertyValues.SIG_KEY, str(PropertyValues.RESOURCE_REF_SIG), "urn", str("urn:x"),
                "id", str("bucket-1")))).isEqualTo(m("urn", "urn:x", "id", "bucket-1", "kind", "resource"));
    }

    @Test
    void secretsAndUnknownsSurviveEncoding() {
        Map<String, Object> props = m("a", new PropertyValues.Secret(m("k", "v")), "b", l(PropertyValues.UNKNOWN));
        Map<String, Object> back = PropertyValues.fromStruct(PropertyValues.toStruct(props));
        assertThat(back.get("a")).isEqualTo(new PropertyValues.Secret(m("k", "v")));
        assertThat(back.get("b")).isEqualTo(List.of(PropertyValues.UNKNOWN));
        assertThat(PropertyValues.containsUnknown(back.get("b"))).isTrue();
        assertThat(new PropertyValues.Secret("x").toString()).doesNotContain("x");
    }

    @Test
    void propsUnwrapSecretsAndNameUnknownPaths() {
        Props p = new Props(m("env", m("vars", l(m("name", PropertyValues.UNKNOWN))), "s", new PropertyValues.Secret("v")));
        assertThat(p.string("s")).isEqualTo("v");
        assertThat(p.isSecret("s")).isTrue();
        Props var = p.object("env").objects("vars").get(0);
        assertThat(var.has("name")).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> var.string("name"))
                .isInstanceOf(UnknownValueException.class)
                .hasMessage("env.vars[0].name is unknown during preview");
    }
}
