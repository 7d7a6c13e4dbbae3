package com.sagemakermlops.naming;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.CharRange;

import static org.assertj.core.api.Assertions.assertThat;

class PhysicalNameProperties {

    @Property
    void fittedNamesRespectEveryServiceLimit(@ForAll PhysicalName limits,
                                             @ForAll @StringLength(min = 1, max = 400) String base) {
        String name = limits.fit(base);
        assertThat(name.length()).isLessThanOrEqualTo(limits.maxLength());
        assertThat(limits.fit(base)).isEqualTo(name);
    }

    @Property
    void s3NamesAreLowercaseLettersDigitsAndHyphens(@ForAll @StringLength(min = 1, max = 200)
                                                    @CharRange(from = 'A', to = 'z') @Chars({'-', '.', '_', ' '}) String base) {
        assertThat(PhysicalName.S3_BUCKET.fit(base)).matches("[a-z0-9-]+");
    }

    @Property
    void shortNamesAreKeptAsTheyAre(@ForAll @StringLength(min = 1, max = 63)
                                    @CharRange(from = 'a', to = 'z') @Chars({'-'}) String base) {
        assertThat(PhysicalName.SAGEMAKER.fit(base)).isEqualTo(base);
    }

    @Property
    void distinctLongNamesStayDistinct(@ForAll @StringLength(min = 70, max = 120) @CharRange(from = 'a', to = 'z') String a,
                                       @ForAll @StringLength(min = 70, max = 120) @CharRange(from = 'a', to = 'z') String b) {
        if (!a.equals(b)) {
            assertThat(PhysicalName.IAM_ROLE.fit(a)).isNotEqualTo(PhysicalName.IAM_ROLE.fit(b));
        }
    }
}
