package org.slacast.datasets.importer.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelimitedFileTest {

    @Test
    void theSeparatorThatSplitsTheHeaderMostIsChosen() {
        assertThat(DelimitedFile.detect("a,b,c\n1,2,3\n", '.')).isEqualTo(',');
        assertThat(DelimitedFile.detect("CI Name (aff);CI Type (aff);Incident ID\nx;y;3,5\n", '.')).isEqualTo(';');
        assertThat(DelimitedFile.detect("a\tb\tc\n", '.')).isEqualTo('\t');
        assertThat(DelimitedFile.detect("a|b|c\n1|2,5|3\n", '.')).isEqualTo('|');
    }

    @Test
    void separatorsInsideQuotesDoNotCountAndTiesGoToTheOneTheRowsAgreeWith() {
        assertThat(DelimitedFile.detect("\"a;b;c\",d,e\n", '.')).isEqualTo(',');
        // one ',' and one ';' in the header; only ';' splits the rows the same way
        assertThat(DelimitedFile.detect("a;b,c\n1;2\n3;4\n", '.')).isEqualTo(';');
    }

    @Test
    void aOneColumnFileIsCommaSeparatedUnlessDecimalsUseTheComma() {
        assertThat(DelimitedFile.detect("only\n1\n", '.')).isEqualTo(',');
        assertThat(DelimitedFile.detect("only,one\n1\n", ',')).isEqualTo(';');
    }

    @Test
    void numbersFollowTheDecimalSeparatorAndRefuseTheOther() {
        ExportFormat comma = new ExportFormat(null, ',', java.nio.charset.StandardCharsets.UTF_8, null);
        assertThat(comma.number("2,50")).isEqualByComparingTo("2.5");
        assertThat(ExportFormat.DEFAULT.number("2.50")).isEqualByComparingTo("2.5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> comma.number("1.5"))
                .isInstanceOf(NumberFormatException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ExportFormat.DEFAULT.number("1,5"))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void excelDateFormatsAreToldFromNumberFormats() {
        assertThat(Workbook.isDate(14, "m/d/yy")).isTrue();
        assertThat(Workbook.isDate(164, "dd/mm/yyyy hh:mm:ss")).isTrue();
        assertThat(Workbook.isDate(2, "0.00")).isFalse();
        assertThat(Workbook.isDate(165, "[Red]0.00;\"days\"")).isFalse();
        assertThat(Workbook.isDate(null, null)).isFalse();
    }
}
