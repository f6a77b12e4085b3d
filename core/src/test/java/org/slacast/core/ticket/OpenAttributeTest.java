package org.slacast.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slacast.core.BadInputException;

class OpenAttributeTest {
    @Test
    void theKeySaysTypeAndMoment() {
        assertThat(OpenAttribute.ofKey("cat.ci_type")).isEqualTo(new OpenAttribute("ci_type", false, false));
        assertThat(OpenAttribute.ofKey("num.related")).isEqualTo(new OpenAttribute("related", true, false));
        assertThat(OpenAttribute.ofKey("end.num.handle_hours")).isEqualTo(new OpenAttribute("handle_hours", true, true));
        assertThat(OpenAttribute.ofKey("end.cat.closure").key()).isEqualTo("end.cat.closure");
        assertThat(OpenAttribute.ofKey("category")).as("a native column").isNull();
        assertThat(OpenAttribute.ofKey("num.related").feature()).isEqualTo("attr_related");
    }

    @Test
    void aBadNameOrPrefixIsRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> OpenAttribute.ofKey("cat.CI Type")).isInstanceOf(BadInputException.class)
                .hasMessage("'CI Type' is not an attribute name; use lower-case letters, digits and underscores, "
                        + "starting with a letter (at most 63)");
        assertThatThrownBy(() -> OpenAttribute.ofKey("end.ci")).hasMessage(
                "'end.ci' starts with end. but not end.cat. or end.num.");
    }

    @Test
    void numbersAreKeptInPlainDecimalFormAndNothingElseIsANumber() {
        OpenAttribute n = new OpenAttribute("n", true, false);
        assertThat(n.read("3.50")).isEqualTo("3.5");
        assertThat(n.read("1e3")).isEqualTo("1000");
        assertThat(n.read("-0.25")).isEqualTo("-0.25");
        for (String bad : new String[] {"NaN", "Infinity", "1e999", "0x1p3", "2d", "1,5", "many"}) {
            assertThatThrownBy(() -> n.read(bad)).as(bad).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("is not a number");
        }
        assertThat(new OpenAttribute("c", false, false).read("Server 12")).isEqualTo("Server 12");
    }
}
