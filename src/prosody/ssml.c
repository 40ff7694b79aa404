/* ssml.c: prints a script as SSML 1.1, for people who want to edit or reuse
 * it.  newsbrief itself never speaks SSML (ESPEAK.md: 1.51's SSML is
 * fragile and unsafe); every piece of article text is escaped here. */
#include "prosody.h"
#include "summarize/summarize.h"

#include <stdlib.h>
#include <string.h>

static void voice_open(nb_buf *b, const nb_voice *v) {
  nb_buf_puts(b, "  <voice name=\"");
  nb_xml_escape(b, v->espeak, strlen(v->espeak));
  nb_buf_printf(b,
                "\"><prosody rate=\"%d%%\" pitch=\"%+d%%\" volume=\"%d%%\">",
                v->rate * 100 / 175, v->pitch - 50, v->volume);
}

void nb_script_ssml(const nb_script *s, nb_buf *b) {
  char lang[16] = "en-US";
  if (s->profile) {
    const char *v = s->profile->narrator.espeak;
    size_t n = strcspn(v, "+");
    if (n > 0 && n < sizeof lang) {
      memcpy(lang, v, n);
      lang[n] = 0;
    }
  }
  nb_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<speak version=\"1.1\" "
                 "xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"");
  nb_xml_escape(b, lang, strlen(lang));
  nb_buf_puts(b, "\">\n");
  for (size_t i = 0; i < s->n; i++) {
    const nb_segment *g = &s->segs[i];
    nb_buf_printf(b, "  <!-- %s -->\n", nb_role_name(g->role));
    voice_open(b, g->voice);
    nb_sentence *sent = NULL;
    size_t len = strlen(g->text);
    size_t n = nb_sentences(g->text, len, &sent);
    if (n == 0) {
      nb_buf_puts(b, "<s>");
      nb_xml_escape(b, g->text, len);
      nb_buf_puts(b, "</s>");
    }
    for (size_t k = 0; k < n; k++) {
      nb_buf_puts(b, "<s>");
      nb_xml_escape(b, g->text + sent[k].start, sent[k].len);
      nb_buf_puts(b, "</s>");
    }
    free(sent);
    nb_buf_puts(b, "</prosody></voice>\n");
    if (g->pause_ms)
      nb_buf_printf(b, "  <break time=\"%ums\"/>\n", g->pause_ms);
  }
  nb_buf_puts(b, "</speak>\n");
}
