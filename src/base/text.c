/* text.c: JSON and XML escaping for the printers and exporters. */
#include "../nb.h"

#include <string.h>

void nb_json_strn(nb_buf *b, const char *s, size_t n) {
  nb_buf_putc(b, '"');
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '"':
      nb_buf_puts(b, "\\\"");
      break;
    case '\\':
      nb_buf_puts(b, "\\\\");
      break;
    case '\n':
      nb_buf_puts(b, "\\n");
      break;
    case '\t':
      nb_buf_puts(b, "\\t");
      break;
    case '\r':
      nb_buf_puts(b, "\\r");
      break;
    default:
      if (c < 0x20 || c == 0x7F)
        nb_buf_printf(b, "\\u%04x", c);
      else
        nb_buf_putc(b, (char)c);
    }
  }
  nb_buf_putc(b, '"');
}

void nb_json_str(nb_buf *b, const char *s) {
  if (!s)
    nb_buf_puts(b, "null");
  else
    nb_json_strn(b, s, strlen(s));
}

void nb_xml_escape(nb_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    switch (c) {
    case '&':
      nb_buf_puts(b, "&amp;");
      break;
    case '<':
      nb_buf_puts(b, "&lt;");
      break;
    case '>':
      nb_buf_puts(b, "&gt;");
      break;
    case '"':
      nb_buf_puts(b, "&quot;");
      break;
    case '\'':
      nb_buf_puts(b, "&apos;");
      break;
    default:
      /* XML 1.0 forbids C0 controls other than tab, LF, CR. */
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        nb_buf_putc(b, ' ');
      else
        nb_buf_putc(b, (char)c);
    }
  }
}
