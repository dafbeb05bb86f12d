package io.leadflow.activities.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the footer goes in an HTML part, and how the configured address is shown there. */
class EmailFooterTest {

  private static final String LINK = "https://leads.example.com/u?token=a.b";

  @Test
  void goesBeforeTheClosingBodyTagWhateverItsCaseAndAfterEverythingWithoutOne() {
    EmailFooter footer = new EmailFooter("Acme Inc.");

    String wrapped = footer.addTo(new Message("s", "t", "<HTML><BODY><p>Hi</p></BODY></HTML>"), LINK).html();
    String bare = footer.addTo(new Message("s", "t", "<p>Hi</p>"), LINK).html();

    assertThat(wrapped).startsWith("<HTML><BODY><p>Hi</p><p ").endsWith("Acme Inc.</p></BODY></HTML>");
    assertThat(bare).startsWith("<p>Hi</p><p ").endsWith("<a href=\"" + LINK + "\">Unsubscribe</a><br>Acme Inc.</p>");
  }

  @Test
  void aMultiLineAddressIsEscapedWithItsLineBreaksKept() {
    EmailFooter footer = new EmailFooter("Acme <Sales>\n1 Main St");

    Message sent = footer.addTo(new Message("s", "Hi", "<p>Hi</p>"), LINK);

    assertThat(sent.text()).isEqualTo("Hi\n\nUnsubscribe: " + LINK + "\nAcme <Sales>\n1 Main St");
    assertThat(sent.html()).endsWith("<br>Acme &lt;Sales&gt;<br>1 Main St</p>");
  }
}
