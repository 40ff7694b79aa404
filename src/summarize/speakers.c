/* speakers.c: who said it.  Turns a mention as written ("National Security
 * Council spokesman John Kirby", "Mr. Kirby", "he", "the ministry") into a
 * canonical speaker and a description, and keeps the article's cast so that
 * later mentions resolve to the person first introduced. */
#include "quotes_int.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Reporting verbs, the cue of a quote or of indirect speech. */
static const char *const verbs[] = {
    "said", "says", "say", "saying", "told", "tells", "tell", "telling",
    "added", "adds", "adding", "stated", "states", "stating", "explained",
    "explains", "explaining", "noted", "notes", "noting", "warned", "warns",
    "warning", "wrote", "writes", "writing", "asked", "asks", "replied",
    "replies", "declared", "declares", "announced", "announces", "commented",
    "comments", "tweeted", "tweets", "insisted", "insists", "argued",
    "argues", "claimed", "claims", "emphasized", "emphasised", "stressed",
    "acknowledged", "admitted", "admits", "confirmed", "confirms",
    "concluded", "concludes", "recalled", "remarked", "reported", "reports",
    "responded", "observed", "observes", "suggested", "suggests",
    "cautioned", "conceded", "emailed", "reaffirmed", "repeated", "promised",
    "predicted", "urged", "shouted", "joked", "agreed", "countered",
    "boasted", "complained", "alleged", "testified", "continued", "recounted",
    "mused", "pleaded", "vowed", "whispered", "quipped", "texted",
    "messaged", "posted", "blogged", "insisting", "maintained", "maintains",
    "contended", "contends", "assured", "exclaimed", "wondered", "answered",
    "answers", "disclosed", "revealed", "reveals", "indicated", "indicates",
    "announcing", "asserted", "asserts", "described", "describes", NULL};

int nb__reporting_verb(const char *w, size_t n) {
  /* mid-sentence verbs are lower case: "The United States" is no cue */
  return n > 0 && islower((unsigned char)w[0]) && nb__word_in(w, n, verbs);
}

/* Words that come before a name as a title: never part of the name. */
static const char *const titles[] = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof",
    "prof.", "professor", "president", "prime", "minister", "secretary",
    "senator", "sen.", "rep.", "representative", "gov.", "governor",
    "general", "gen.", "ambassador", "chancellor", "judge", "justice",
    "rev.", "reverend", "father", "sister", "emeritus", "chief", "director",
    "senior", "captain", "capt.", "coach", "sir", "dame", "lord", "lady",
    "king", "queen", "prince", "princess", "mayor", "commissioner",
    "inspector", "officer", "sergeant", "sgt.", "lt.", "lieutenant",
    "colonel", "col.", "major", "admiral", "deputy", "vice", "acting",
    "former", "foreign", "defence", "defense", "finance", "health",
    "interior", "spokesman", "spokeswoman", "spokesperson", "chairman",
    "chairwoman", "chair", "ceo", "cto", "cfo", "head", "leader", "pope",
    "sheikh", "imam", "rabbi", "bishop", "cardinal", "st.", "saint",
    "speaker", "attorney", "detective", "superintendent", "private",
    "corporal", "marshal", "field", "executive", "councillor", "councilor",
    "councilman", "councilwoman", "alderman", "mp", "mep", "assemblyman",
    "assemblywoman", "congressman", "congresswoman", "delegate",
    "archbishop", "patriarch", "chairperson", "premier", "treasurer",
    "sheriff", "trooper", "constable", "commander", "brig.", "maj.", "adm.",
    "cmdr.", "cpl.", "pvt.", "magistrate", "prosecutor", "dean", "provost",
    "principal", "vicar", "pastor", "ayatollah", "rep", "sen", "gov", "lt",
    "sgt", "col", "capt", "gen", "prof", "dr", "mr", "mrs", "ms", "mx",
    "mx.", "madam", "monsieur", "herr", "frau", "señor", "senor", "trustee",
    "manager", "boss", "negotiator", "columnist", "critic", "editor",
    "economist", "analyst", "founder", "co-founder", "coxswain", "skipper",
    "striker", "midfielder", "defender", "goalkeeper", NULL};

/* Name particles written in lower case inside names ("al-Amr", "van Gogh"). */
static const char *const particles[] = {"al", "el", "de", "del", "der",
                                        "van", "von", "bin", "ibn", "da",
                                        "di", "du", "la", "le", "dos", "das",
                                        "ter", "ten", "abu", "bint", NULL};

static const char *const org_words[] = {
    "agency", "ministry", "department", "news", "times", "post", "council",
    "organisation", "organization", "authority", "association", "party",
    "company", "inc", "corp", "corporation", "university", "institute",
    "police", "government", "army", "reuters", "ap", "committee",
    "commission", "office", "bureau", "service", "group", "bank", "court",
    "board", "union", "federation", "league", "club", "network", "channel",
    "television", "radio", "newspaper", "magazine", "journal", "herald",
    "gazette", "tribune", "telegraph", "guardian", "press", "media",
    "foundation", "fund", "centre", "center", "school", "hospital",
    "military", "navy", "force", "forces", "parliament", "senate",
    "congress", "house", "embassy", "white", "kremlin", "pentagon",
    "microsoft", "google", "apple", "amazon", "facebook", "twitter",
    "report", "study", "survey", "statement", "website", "site", "post",
    "kcna", "yonhap", "xinhua", "tass", "bbc", "cnn", "afp", "nasa", "who",
    "un", "eu", "nato", "ministry", "firm", "world", "ltd", "ltd.",
    "limited", "plc", "llc", "gmbh", NULL};

static const char *const pronouns_person[] = {"he", "she", "him", "her",
                                              "i", NULL};
static const char *const pronouns_other[] = {"it", "they", "we", NULL};

static const char *const determiners[] = {"the", "a", "an", "one", "some",
                                          "another", "his", "her", "its",
                                          "their", "our", "two", "three",
                                          "several", "many", "most", NULL};

static int is_title_tok(const char *w, size_t n) {
  /* drop a possessive "'s" and trailing comma before the test */
  return nb__word_in(w, n, titles);
}

static int tok_cap(const char *w, size_t n) {
  return n > 0 && nb__is_upper_cp(nb__cp_at(w, n, 0, NULL));
}

/* Splits s[0..n) into space-separated tokens. */
typedef struct tok {
  const char *p;
  size_t n;
} tok;
static size_t tokenize(const char *s, size_t n, tok *t, size_t max) {
  size_t k = 0, i = 0;
  while (i < n && k < max) {
    while (i < n && (s[i] == ' ' || s[i] == ','))
      i++;
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != ',')
      j++;
    if (j > i) {
      t[k].p = s + i;
      t[k].n = j - i;
      k++;
    }
    i = j;
  }
  return k;
}

static int tok_is_acronym(tok t) {
  if (t.n < 2 || t.n > 8)
    return 0;
  for (size_t i = 0; i < t.n; i++)
    if (!isupper((unsigned char)t.p[i]) && !isdigit((unsigned char)t.p[i]))
      return 0;
  return 1;
}

/* ---- the cast ------------------------------------------------------------ */

/* Lookups search the most recent entities only, so that a huge article with
 * thousands of speakers stays linear. */
#define WINDOW(c) ((c)->n > 256 ? (c)->n - 256 : 0)

static nb__entity *cast_add(nb__cast *c, const char *name, size_t nl,
                            nb__ekind kind) {
  if (c->n == c->cap) {
    c->cap = c->cap ? c->cap * 2 : 16;
    c->e = nb_xrealloc(c->e, c->cap * sizeof *c->e);
  }
  nb__entity *e = &c->e[c->n];
  memset(e, 0, sizeof *e);
  e->name = nb_arena_strndup(c->arena, name, nl);
  e->kind = kind;
  e->id = c->n;
  e->alias = -1;
  c->n++;
  return e;
}

static int last_token_eq(const char *name, const char *w, size_t n) {
  const char *sp = strrchr(name, ' ');
  const char *last = sp ? sp + 1 : name;
  return *last && strlen(last) == n && strncasecmp(last, w, n) == 0;
}

static int contains_word(const char *hay, const char *w, size_t n) {
  if (!hay || n == 0)
    return 0;
  size_t hl = strlen(hay);
  for (size_t i = 0; i + n <= hl; i++) {
    if ((i == 0 || !isalnum((unsigned char)hay[i - 1])) &&
        strncasecmp(hay + i, w, n) == 0 &&
        (i + n == hl || !isalnum((unsigned char)hay[i + n])))
      return 1;
  }
  return 0;
}

/* Edit distance of two short words, capped: a reporter's typo in a
 * surname ("Bauchtman" for "Buchtmann") still names the same person. */
static size_t edit_distance(const char *a, size_t an, const char *b,
                            size_t bn) {
  size_t row[40];
  if (an >= 40 || bn >= 40)
    return 99;
  for (size_t j = 0; j <= bn; j++)
    row[j] = j;
  for (size_t i = 1; i <= an; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= bn; j++) {
      size_t up = row[j];
      size_t cost = tolower((unsigned char)a[i - 1]) !=
                    tolower((unsigned char)b[j - 1]);
      size_t best = diag + cost;
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[bn];
}

static int last_token_near(const char *name, const char *w, size_t n) {
  const char *sp = strrchr(name, ' ');
  const char *last = sp ? sp + 1 : name;
  size_t ln = strlen(last);
  return n >= 6 && ln >= 6 && edit_distance(last, ln, w, n) <= 2;
}

static void touch(nb__cast *c, nb__entity *e) {
  e->last = ++c->clock;
}

/* Finds "Korean Central News Agency (KCNA)" patterns anywhere in the
 * article so that a later "KCNA said" names the agency. */
void nb__cast_acronyms(nb__cast *c, const char *p) {
  size_t n = strlen(p);
  for (size_t i = 0; i < n; i++) {
    if (p[i] != '(')
      continue;
    size_t j = i + 1;
    while (j < n && isupper((unsigned char)p[j]))
      j++;
    size_t al = j - i - 1;
    if (j >= n || p[j] != ')' || al < 2 || al > 8)
      continue;
    /* walk back over capitalized words whose initials spell it */
    tok t[16];
    size_t start = i > 120 ? i - 120 : 0;
    size_t nt = tokenize(p + start, i - start, t, 16);
    size_t k = nt, match = al;
    while (k > 0 && match > 0) {
      tok w = t[k - 1];
      if (!tok_cap(w.p, w.n)) {
        if (nb__word_eq(w.p, w.n, "of") || nb__word_eq(w.p, w.n, "and") ||
            nb__word_eq(w.p, w.n, "for")) {
          k--;
          continue;
        }
        break;
      }
      if (toupper((unsigned char)w.p[0]) != p[i + match])
        break;
      match--;
      k--;
    }
    if (match == 0 && c->n_acr < 32) {
      const char *from = t[k].p;
      c->acr[c->n_acr].abbr = nb_arena_strndup(c->arena, p + i + 1, al);
      c->acr[c->n_acr].full =
          nb_arena_strndup(c->arena, from, (size_t)(p + i - from) - 1);
      c->n_acr++;
    }
  }
}

/* ---- mentions ------------------------------------------------------------ */

static void trim(const char **s, size_t *n) {
  while (*n && (isspace((unsigned char)**s) || **s == ',' || **s == ';' ||
                **s == ':'))
    (*s)++, (*n)--;
  while (*n && (isspace((unsigned char)(*s)[*n - 1]) || (*s)[*n - 1] == ',' ||
                (*s)[*n - 1] == '.' || (*s)[*n - 1] == ';' ||
                (*s)[*n - 1] == ':'))
    (*n)--;
}

static const char *const verbs_not_np[] = {
    "is", "are", "was", "were", "be", "been", "get", "gets", "got", "has",
    "have", "had", "do", "does", "did", "will", "would", "can", "could",
    "which", "who", "that", "when", "if", "because", "while", "where",
    "not", "there", NULL};

static const char *const adverbs_tail[] = {"also", "later", "then", "further",
                                           "again", "previously", "reportedly",
                                           "separately", "earlier", "once",
                                           "has", "had", "have", "later,",
                                           "recently", "first", "simply",
                                           "only", "just", "never", NULL};

static void set_description(nb__cast *c, nb__entity *e, const char *d,
                            size_t dn);

/* Nouns for one person or a group of people: "the spokesman", "a
 * witness", "Marr's lawyer". */
static const char *const people[] = {
    "spokesman", "spokeswoman", "spokesperson", "official", "officials",
    "minister",  "coach",       "doctor",       "poster",   "author",
    "authors",   "researcher",  "researchers",  "witness",  "witnesses",
    "resident",  "residents",   "teacher",      "student",  "leader",
    "president", "director",    "expert",       "experts",  "analyst",
    "analysts",  "source",      "sources",      "man",      "woman",
    "officer",   "individuals", "member",       "members",  "owner",
    "driver",    "passenger",   "victim",       "nurse",    "pilot",
    "farmer",    "worker",      "neighbour",    "neighbor", "mother",
    "father",    "son",         "daughter",     "wife",     "husband",
    "friend",    "lawyer",      "customer",     "employee", "survivor",
    "skipper",   "manager",     "chief",        "sister",   "brother",
    "widow",     "widower",     NULL};

const char *nb__title_role(const char *w, size_t n) {
  static const char *const abbr[][2] = {
      {"dr", "doctor"},       {"dr.", "doctor"},    {"prof", "professor"},
      {"prof.", "professor"}, {"sen.", "senator"},  {"gov.", "governor"},
      {"gen.", "general"},    {"capt.", "captain"}, {"sgt.", "sergeant"},
      {"insp.", "inspector"}, {"det.", "detective"}, {"rev.", "reverend"}};
  static const char *const roles[] = {
      "minister",  "mayor",     "president",  "governor",  "senator",
      "judge",     "coach",     "chancellor", "secretary", "commissioner",
      "inspector", "director",  "ambassador", "captain",   "sergeant",
      "detective", "professor", "doctor",     "prosecutor", "sheriff",
      "manager",   "spokesman", "spokeswoman", NULL};
  for (size_t a = 0; a < sizeof abbr / sizeof *abbr; a++)
    if (nb__word_eq(w, n, abbr[a][0]))
      return abbr[a][1];
  for (size_t a = 0; roles[a]; a++)
    if (nb__word_eq(w, n, roles[a]))
      return roles[a];
  return NULL;
}

int nb__person_noun(const char *w, size_t n) {
  return nb__word_in(w, n, people);
}

int nb__is_clause(const char *m, size_t mn) {
  tok t[40];
  size_t nt = tokenize(m, mn, t, 40);
  for (size_t i = 0; i < nt; i++)
    if (islower((unsigned char)t[i].p[0]) &&
        nb__word_in(t[i].p, t[i].n, verbs_not_np))
      return 1;
  return 0;
}

const char *nb__mention_pronoun(const char *m, size_t mn, size_t *n) {
  tok t[40];
  size_t nt = tokenize(m, mn, t, 40);
  if (nt == 0 || nt > 14)
    return NULL;
  for (size_t i = 0; i < nt; i++)
    if (nb__word_in(t[i].p, t[i].n, verbs_not_np) ||
        nb__reporting_verb(t[i].p, t[i].n))
      return NULL; /* a clause, not the words before a verb */
  if (nt == 1 && (nb__word_in(t[0].p, t[0].n, pronouns_person) ||
                  nb__word_in(t[0].p, t[0].n, pronouns_other))) {
    *n = t[0].n;
    return t[0].p;
  }
  /* "Last week she", "This month she launched a cake" (and announced):
   * a subject pronoun after other words is the subject, in lower case
   * only ("spokeswoman He Lina" is a name) */
  for (size_t i = nt; i-- > 1;)
    if (islower((unsigned char)t[i].p[0]) &&
        nb__word_in(t[i].p, t[i].n,
                    (const char *const[]){"he", "she", "they", "we", NULL})) {
      *n = t[i].n;
      return t[i].p;
    }
  return NULL;
}

/* Resolves one mention; returns the entity (NULL when it is no speaker).
 * desc (may be NULL) is an appositive description seen with it. */
nb__entity *nb__cast_resolve(nb__cast *c, const char *m, size_t mn,
                             const char *desc, size_t dn) {
  trim(&m, &mn);
  trim(&desc, &dn);
  if (mn == 0 || mn > 160)
    return NULL;
  tok t[40];
  size_t nt = tokenize(m, mn, t, 40);
  /* drop trailing adverbs ("Kirby also", "Professor Burrows later") */
  while (nt > 0 && (nb__word_in(t[nt - 1].p, t[nt - 1].n, adverbs_tail) ||
                    (t[nt - 1].n > 4 && islower((unsigned char)t[nt - 1].p[0]) &&
                     memcmp(t[nt - 1].p + t[nt - 1].n - 2, "ly", 2) == 0)))
    nt--; /* "Kirby personally", "Trump later" */
  if (nt == 0 || nt > 14)
    return NULL;
  /* "according to my knowledge" is a hedge, not a source */
  if (nb__word_eq(t[0].p, t[0].n, "my") || nb__word_eq(t[0].p, t[0].n, "our") ||
      nb__word_eq(t[0].p, t[0].n, "your"))
    return NULL;
  /* A document speaks for whoever issued it: "a statement from the
   * ministry", "a report by the Herald", "a statement the union issued" */
  static const char *const documents[] = {
      "statement", "report", "release", "letter", "post",   "memo",
      "email",     "notice", "filing",  "note",   "bulletin", NULL};
  if (nt >= 3 && nb__word_in(t[0].p, t[0].n, determiners) &&
      nb__word_in(t[1].p, t[1].n, documents)) {
    static const char *const issued[] = {"issued", "released", "published",
                                         "posted", "sent",     "put",
                                         "wrote",  NULL};
    size_t k = 2;
    if (nb__word_in(t[k].p, t[k].n,
                    (const char *const[]){"from", "by", "of", NULL}))
      k++;
    else if (nb__word_eq(t[k].p, t[k].n, "that"))
      k++;
    size_t end = nt;
    for (size_t i = k + 1; i < nt; i++)
      if (nb__word_in(t[i].p, t[i].n, issued)) {
        end = i;
        break;
      }
    if (k > 2 || end < nt) {
      if (k >= end)
        return NULL;
      const char *ip = t[k].p;
      size_t il = (size_t)(t[end - 1].p + t[end - 1].n - ip);
      return nb__cast_resolve(c, ip, il, NULL, 0);
    }
  }
  for (size_t i = 0; i < nt; i++)
    if (nb__word_in(t[i].p, t[i].n, verbs_not_np) ||
        nb__reporting_verb(t[i].p, t[i].n))
      return NULL;
  mn = (size_t)(t[nt - 1].p + t[nt - 1].n - m);
  if (nt > 1) {
    size_t pn;
    const char *pp = nb__mention_pronoun(m, mn, &pn);
    if (pp)
      return nb__cast_resolve(c, pp, pn, NULL, 0);
  }

  /* pronouns */
  if (nt == 1 && (nb__word_in(t[0].p, t[0].n, pronouns_person) ||
                  nb__word_in(t[0].p, t[0].n, pronouns_other))) {
    int person = nb__word_in(t[0].p, t[0].n, pronouns_person);
    int it = nb__word_eq(t[0].p, t[0].n, "it");
    int g = nb__word_eq(t[0].p, t[0].n, "he") || nb__word_eq(t[0].p, t[0].n, "him")
                ? 1
            : nb__word_eq(t[0].p, t[0].n, "she") || nb__word_eq(t[0].p, t[0].n, "her")
                ? 2
                : 0;
    nb__entity *best = NULL, *fallback = NULL;
    for (size_t i = WINDOW(c); i < c->n; i++) {
      nb__entity *e = &c->e[i];
      if (e->alias >= 0)
        continue;
      if (g && e->gender && e->gender != g)
        continue; /* "she" is not Mr. Kirby */
      /* "The owner of the boat, who did not wish to be named, told the
       * paper ... “Q,” he said": an unnamed person is as good as a named
       * one for "he" and "she" */
      int one = e->kind == NB__PERSON || (g && e->one_person);
      if (person ? one : (it ? e->kind == NB__ORG : e->kind != NB__PERSON)) {
        if (!best || e->last > best->last)
          best = e;
      } else if (!fallback || e->last > fallback->last)
        if (!(person && e->kind == NB__ORG))
          fallback = e;
    }
    if (!best)
      best = fallback;
    if (best) {
      touch(c, best);
      if (g && !best->gender && best->kind != NB__ORG)
        best->gender = g;
    }
    return best;
  }

  /* Cut the mention at a preposition when a name comes before it
   * ("Lydia Buchtmann for Food Standards Australia"); but "the Campaign
   * for Earth Science", capitals on both sides after "the", is one name. */
  size_t head = nt;
  int the_caps = nt >= 4 && nb__word_eq(t[0].p, t[0].n, "the");
  for (size_t i = 1; i < nt; i++) {
    if (the_caps && i >= 2 && i + 1 < nt && tok_cap(t[i + 1].p, t[i + 1].n) &&
        (nb__word_eq(t[i].p, t[i].n, "for") ||
         nb__word_eq(t[i].p, t[i].n, "of"))) {
      int caps = 1;
      for (size_t k = 1; k < i; k++)
        caps &= tok_cap(t[k].p, t[k].n);
      if (caps)
        continue;
    }
    if ((nb__word_eq(t[i].p, t[i].n, "for") ||
         nb__word_eq(t[i].p, t[i].n, "of") ||
         nb__word_eq(t[i].p, t[i].n, "from") ||
         nb__word_eq(t[i].p, t[i].n, "at") ||
         nb__word_eq(t[i].p, t[i].n, "with") ||
         nb__word_eq(t[i].p, t[i].n, "on") ||
         nb__word_eq(t[i].p, t[i].n, "in") ||
         nb__word_eq(t[i].p, t[i].n, "by")) &&
        ((tok_cap(t[i - 1].p, t[i - 1].n) &&
          !is_title_tok(t[i - 1].p, t[i - 1].n)) ||
         (i + 1 < nt && !tok_cap(t[i + 1].p, t[i + 1].n)))) {
      head = i;
      break;
    }
  }
  /* the name: capitalized tokens after the last lower-case or title token */
  size_t name_from = head;
  for (size_t i = head; i > 0; i--) {
    tok w = t[i - 1];
    int cap = tok_cap(w.p, w.n);
    int part = nb__word_in(w.p, w.n, particles) ||
               (w.n > 3 && w.p[2] == '-' && islower((unsigned char)w.p[0]));
    int poss = w.n > 2 && (memcmp(w.p + w.n - 2, "'s", 2) == 0 ||
                           (w.n > 4 && memcmp(w.p + w.n - 4, "\xE2\x80\x99s", 4) == 0));
    if ((cap || (part && i < head)) && !is_title_tok(w.p, w.n) && !poss &&
        !(i == 1 && nb__word_in(w.p, w.n, determiners)))
      name_from = i - 1;
    else
      break;
  }
  /* "Researchers from ...", "Officials said": a common noun capitalized
   * at the start of a sentence is no name */
  static const char *const common[] = {
      "researchers", "officials", "police", "authorities", "scientists",
      "experts", "analysts", "witnesses", "residents", "doctors", "critics",
      "sources", "investigators", "prosecutors", "lawyers", "activists",
      "protesters", "organizers", "organisers", "campaigners", "economists",
      "observers", "workers", "students", "parents", "teachers", "villagers",
      "rescuers", "firefighters", "officers", "soldiers", "doctors",
      "engineers", "fans", "locals", "survivors", "relatives", "neighbours",
      "neighbors", "diplomats", "lawmakers", "legislators", "voters",
      "supporters", "opponents", "spokesman", "spokeswoman", "spokesperson",
      "organizers", "company", "government", "ministry", "agency", NULL};
  if (name_from < head && head - name_from == 1 &&
      nb__word_in(t[name_from].p, t[name_from].n, common))
    name_from = head;
  /* "a spokesperson for P&O Ferries": the speaker is the spokesperson */
  if (name_from > 0 && name_from < head &&
      nb__word_in(t[name_from - 1].p, t[name_from - 1].n,
                  (const char *const[]){"for", "of", "at", "from", "with", NULL}))
    name_from = head;
  /* a lone first-position capital that is really an article ("The") */
  while (name_from < head && nb__word_in(t[name_from].p, t[name_from].n, determiners))
    name_from++;
  /* "Afghan Ambassador to the United States Hamdullah Mohib": after "to
   * the" or "of the", a place or a body comes before the person's name;
   * of three or more capitalized words there, the name is the last two
   * (with the particles between them: "Mohamed bin Zayed") */
  if (head - name_from >= 3 && name_from >= 2 &&
      nb__word_eq(t[name_from - 1].p, t[name_from - 1].n, "the") &&
      nb__word_in(t[name_from - 2].p, t[name_from - 2].n,
                  (const char *const[]){"to", "of", "for", "at", "in", "from",
                                        NULL})) {
    size_t k = head - 1, caps = 1;
    while (k > name_from && caps < 2) {
      k--;
      if (!nb__word_in(t[k].p, t[k].n, particles))
        caps++;
    }
    int org_tail = 0; /* nb__word_in ignores case */
    for (size_t i = k; i < head; i++)
      org_tail |= nb__word_in(t[i].p, t[i].n, org_words);
    if (!org_tail)
      name_from = k;
  }
  int named = name_from < head;
  int org = 0;
  for (size_t i = name_from; i < head; i++)
    org |= nb__word_in(t[i].p, t[i].n, org_words) && tok_cap(t[i].p, t[i].n);
  if (named && head - name_from == 1 && tok_is_acronym(t[name_from]))
    org = 1;

  if (named) {
    const char *np = t[name_from].p;
    size_t nn = (size_t)(t[head - 1].p + t[head - 1].n - np);
    /* acronyms introduced in full */
    if (head - name_from == 1 && tok_is_acronym(t[name_from]))
      for (size_t i = 0; i < c->n_acr; i++)
        if (strlen(c->acr[i].abbr) == nn && memcmp(c->acr[i].abbr, np, nn) == 0) {
          np = c->acr[i].full;
          nn = strlen(np);
          break;
        }
    nb__entity *hit = NULL;
    for (size_t i = WINDOW(c); i < c->n; i++) {
      nb__entity *e = &c->e[i];
      if (strlen(e->name) == nn && strncasecmp(e->name, np, nn) == 0)
        hit = e;
    }
    /* a surname alone, or a shorter form of a known name */
    if (!hit && head - name_from == 1)
      for (size_t i = WINDOW(c); i < c->n; i++) {
        nb__entity *e = &c->e[i];
        if (e->kind == NB__ROLE)
          continue;
        if (last_token_eq(e->name, np, nn) && (!hit || e->last > hit->last))
          hit = e;
      }
    if (!hit && head - name_from == 1)
      for (size_t i = WINDOW(c); i < c->n; i++) {
        nb__entity *e = &c->e[i];
        if (e->kind == NB__PERSON && last_token_near(e->name, np, nn) &&
            (!hit || e->last > hit->last))
          hit = e;
      }
    /* "Boatbuilder Ingrid Solvang" (a headline's job title that no list
     * knows) and "Ingrid Solvang": one person, named without the title */
    if (!hit && head - name_from >= 2 && !org)
      for (size_t i = WINDOW(c); i < c->n && !hit; i++) {
        nb__entity *e = &c->e[i];
        size_t el = strlen(e->name);
        if (e->kind != NB__PERSON || !strchr(e->name, ' '))
          continue;
        if (el > nn && e->name[el - nn - 1] == ' ' &&
            strncmp(e->name + el - nn, np, nn) == 0) {
          e->name = nb_arena_strndup(c->arena, np, nn);
          hit = e;
        } else if (nn > el && np[nn - el - 1] == ' ' &&
                   strncmp(np + nn - el, e->name, el) == 0)
          hit = e;
      }
    /* "Trump" first, "Donald Trump" later: one person, named in full */
    if (!hit && head - name_from >= 2 && !org) {
      const char *lt = t[head - 1].p;
      size_t ll = t[head - 1].n;
      for (size_t i = WINDOW(c); i < c->n; i++) {
        nb__entity *e = &c->e[i];
        if (e->kind == NB__PERSON && !strchr(e->name, ' ') &&
            strlen(e->name) == ll && strncmp(e->name, lt, ll) == 0) {
          e->name = nb_arena_strndup(c->arena, np, nn);
          hit = e;
          break;
        }
      }
    }
    if (!hit) {
      hit = cast_add(c, np, nn, org ? NB__ORG : NB__PERSON);
      /* description: what comes before the name, or the appositive */
      size_t d0 = 0;
      while (d0 < name_from && nb__word_in(t[d0].p, t[d0].n, determiners))
        d0++;
      /* "lead author Dr." is described as "lead author" */
      size_t d1 = name_from;
      while (d1 > d0 + 1 && strchr(".", t[d1 - 1].p[t[d1 - 1].n - 1]) &&
             is_title_tok(t[d1 - 1].p, t[d1 - 1].n))
        d1--;
      /* only a title before the name ("Dr Adrian Boyle, president of the
       * Royal College"): the appositive describes better */
      int only_titles = 1;
      for (size_t i = d0; i < d1; i++)
        if (!is_title_tok(t[i].p, t[i].n))
          only_titles = 0;
      if (only_titles && dn && dn < 120) {
        set_description(c, hit, desc, dn);
      } else if (d1 > d0 && !org) {
        const char *dp = t[d0].p;
        size_t dl = (size_t)(t[d1 - 1].p + t[d1 - 1].n - dp);
        set_description(c, hit, dp, dl);
      } else if (dn && dn < 120)
        set_description(c, hit, desc, dn);
    } else if (!hit->description && dn && dn < 120)
      set_description(c, hit, desc, dn);
    while (hit->alias >= 0)
      hit = &c->e[hit->alias];
    if (!hit->gender)
      for (size_t i = 0; i < name_from; i++) {
        if (nb__word_in(t[i].p, t[i].n, (const char *const[]){"mr", "mr.", "sir", "lord", "king", "prince", "father", NULL}))
          hit->gender = 1;
        if (nb__word_in(t[i].p, t[i].n, (const char *const[]){"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "madam", "queen", "princess", "sister", NULL}))
          hit->gender = 2;
      }
    /* "Dr. Elena Marsh" ... "the doctor said": a title names the role
     * the article may call the person by later */
    for (size_t i = 0; i < name_from && !hit->head; i++)
      hit->head = nb__title_role(t[i].p, t[i].n);
    touch(c, hit);
    return hit;
  }

  /* no name: a role ("the spokesman", "one poster", "the ministry") */
  int definite = nb__word_eq(t[0].p, t[0].n, "the");
  size_t hn = head;
  for (size_t i = 1; i < head; i++)
    if (nb__word_in(t[i].p, t[i].n,
                    (const char *const[]){"for", "of", "at", "from", "with",
                                          "in", "on", "by", NULL})) {
      hn = i;
      break;
    }
  const char *hw = t[hn - 1].p;
  size_t hl = t[hn - 1].n;
  /* A role is a noun phrase about people: with a determiner ("the
   * spokesman", "one of the brokers"), a capital ("Officials"), a person or
   * organization noun ("police"), or a plural head ("protesters").  Anything else
   * ("visibility good", left of "..., and adds:") names nobody. */
  int capital = 0;
  for (size_t i = 0; i < hn; i++)
    capital |= isupper((unsigned char)t[i].p[0]) != 0;
  if (!capital && !org && !nb__word_in(t[0].p, t[0].n, determiners) &&
      !nb__person_noun(hw, hl) && !nb__word_in(hw, hl, org_words) &&
      !(hl > 3 && hw[hl - 1] == 's'))
    return NULL;
  if (definite) {
    /* "the company said" after "Marsh Lane Events Ltd said" */
    int firm = nb__word_in(hw, hl,
                           (const char *const[]){"company", "firm", "business",
                                                 "operator", "organisers",
                                                 "organizers", NULL});
    nb__entity *best = NULL;
    for (size_t i = WINDOW(c); i < c->n; i++) {
      nb__entity *e = &c->e[i];
      const char *last = strrchr(e->name, ' ');
      last = last ? last + 1 : e->name;
      if ((contains_word(e->description, hw, hl) ||
           contains_word(e->name, hw, hl) ||
           (e->kind == NB__PERSON && e->head && strlen(e->head) == hl &&
            strncasecmp(e->head, hw, hl) == 0) ||
           (firm && e->kind != NB__ROLE &&
            nb__word_in(last, strlen(last),
                        (const char *const[]){"ltd", "ltd.", "limited", "inc",
                                              "inc.", "plc", "llc", "corp",
                                              "corp.", "gmbh", NULL}))) &&
          (!best || e->last > best->last))
        best = e;
    }
    if (best) {
      while (best->alias >= 0)
        best = &c->e[best->alias];
      touch(c, best);
      return best;
    }
  }
  int person_role = 0;
  if (nb__person_noun(hw, hl))
    person_role = 1;
  /* "who" is said of people, "which" of things: "the owner of the Silver
   * Dawn, who did not wish to be named" is a person whatever the noun */
  size_t dw = 0;
  while (dw < dn && isalpha((unsigned char)desc[dw]))
    dw++;
  if (nb__word_in(desc, dw,
                  (const char *const[]){"who", "whose", "whom", NULL}))
    person_role = 1;
  nb__entity *e = cast_add(c, m, mn,
                           person_role ? NB__ROLE
                                       : (org || definite ? NB__ORG : NB__ROLE));
  /* "The minister" at the start of a sentence is "the minister" */
  if (nt > 1 && nb__word_in(t[0].p, t[0].n, determiners) &&
      !tok_cap(t[1].p, t[1].n) && isupper((unsigned char)e->name[0]))
    ((char *)e->name)[0] = (char)tolower((unsigned char)e->name[0]);
  e->indefinite = !definite;
  e->head = nb_arena_strndup(c->arena, hw, hl);
  /* one person, not "officials" or "witnesses"; "spokeswoman" is a she */
  if (person_role && (hl < 2 || hw[hl - 1] != 's' || hw[hl - 2] == 's')) {
    e->one_person = 1;
    if ((hl >= 5 && strncasecmp(hw + hl - 5, "woman", 5) == 0) ||
        nb__word_in(hw, hl,
                    (const char *const[]){"wife", "mother", "daughter",
                                          "sister", "widow", NULL}))
      e->gender = 2;
    else if ((hl >= 3 && strncasecmp(hw + hl - 3, "man", 3) == 0) ||
             nb__word_in(hw, hl,
                         (const char *const[]){"husband", "father", "son",
                                               "brother", "widower", NULL}))
      e->gender = 1;
  }
  touch(c, e);
  return e;
}

/* A description as the briefing will say it before the name ("Library
 * director Anita Shah"): a noun phrase, so a relative clause is cut off
 * ("marine biologist at the University of Aqaba who led the work"), and an
 * age ("58"), a clause ("The review went viral") or a relative clause alone
 * ("whose ward includes the farm") is no description.  Returns the length
 * to keep, 0 for none. */
static size_t desc_len(const char *d, size_t dn) {
  static const char *const rel[] = {"who", "which", "whose", "where", "that",
                                    "when", "whom", NULL};
  static const char *const finite[] = {
      "is", "are", "was", "were", "has", "have", "had", "went", "came",
      "did", "does", "do", "will", "would", "can", "could", "should", "may",
      "might", "must", "said", "says", "got", "made", "took", NULL};
  tok t[40];
  size_t nt = tokenize(d, dn, t, 40);
  size_t keep = dn, digits = 1;
  for (size_t i = 0; i < nt; i++) {
    if (nb__word_in(t[i].p, t[i].n, rel)) {
      if (i == 0)
        return 0;
      keep = (size_t)(t[i - 1].p + t[i - 1].n - d);
      nt = i;
      break;
    }
  }
  for (size_t i = 0; i < nt; i++) {
    if (nb__word_in(t[i].p, t[i].n, finite) || nb__reporting_verb(t[i].p, t[i].n))
      return 0;
    for (size_t k = 0; k < t[i].n; k++)
      if (!isdigit((unsigned char)t[i].p[k]))
        digits = 0;
  }
  if (nt == 0 || digits)
    return 0;
  /* "reached by phone", "wearing a gray suit": a participle opening a
   * phrase tells what the person did, not who he is ("retired teacher"
   * stays a description) */
  tok w0 = t[0];
  if (islower((unsigned char)w0.p[0]) &&
      ((w0.n > 4 && memcmp(w0.p + w0.n - 2, "ed", 2) == 0) ||
       (w0.n > 5 && memcmp(w0.p + w0.n - 3, "ing", 3) == 0)) &&
      (nt == 1 ||
       nb__word_in(t[1].p, t[1].n,
                   (const char *const[]){
                       "by",  "at",   "in",  "on",    "for", "from", "with",
                       "to",  "into", "out", "up",    "off", "a",    "an",
                       "the", "his",  "her", "their", "its", NULL})))
    return 0;
  while (keep && (d[keep - 1] == ',' || d[keep - 1] == ' '))
    keep--;
  return keep;
}

static void set_description(nb__cast *c, nb__entity *e, const char *d,
                            size_t dn) {
  size_t k = desc_len(d, dn);
  if (k)
    e->description = nb_arena_strndup(c->arena, d, k);
}

/* An unnamed "A spokesman for the White House" is merged into the named
 * person later introduced with that role ("spokesman John Kirby"). */
void nb__cast_merge_roles(nb__cast *c) {
  for (size_t i = 0; i < c->n; i++) {
    nb__entity *e = &c->e[i];
    if (e->kind != NB__ROLE || !e->indefinite || !e->head)
      continue;
    for (size_t j = i + 1; j < c->n && j < i + 256; j++) {
      nb__entity *f = &c->e[j];
      if (f->kind == NB__PERSON && f->alias < 0 &&
          contains_word(f->description, e->head, strlen(e->head))) {
        e->alias = (long)j;
        break;
      }
    }
  }
}

const nb__entity *nb__cast_final(const nb__cast *c, const nb__entity *e) {
  while (e && e->alias >= 0)
    e = &c->e[e->alias];
  return e;
}

int nb__cast_has_person(const nb__cast *c, int gender) {
  for (size_t i = WINDOW(c); i < c->n; i++) {
    const nb__entity *e = &c->e[i];
    if (e->alias < 0 && (e->kind == NB__PERSON || e->one_person) &&
        (!gender || !e->gender || e->gender == gender))
      return 1;
  }
  return 0;
}
