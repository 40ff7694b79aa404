# How the gold.json files here were made: the quotes below were chosen and
# annotated by hand (before the summarizer's rules were read); this script
# only adds each text's character offsets in article.txt and writes gold.json.
# Usage: python3 mkgold.py tests/corpus-holdout
import json, os, sys
D, P, I = "direct", "partial", "indirect"
G = {
"wire-scooters": [
 (D, 'The evidence shows that European producers have lost market share year after year to imports that are sold at prices no one could make a profit on,', "Trade Commissioner Maros Sefcovic", "Maros Sefcovic", "told a news conference"),
 (P, 'firmly opposed', "China's Commerce Ministry", "China's Commerce Ministry", "said"),
 (P, 'all necessary measures', "China's Commerce Ministry", "China's Commerce Ministry", "said"),
 (D, 'We urge the EU side to correct its wrong practices immediately and to return to the right track of dialogue,', "ministry spokeswoman He Lina", "He Lina", "said"),
 (D, 'For us this comes very late, but it comes,', "Luca Bernardi", "Luca Bernardi", "said"),
 (D, 'Half of our competitors have already closed.', "Luca Bernardi", "Luca Bernardi", None),
 (I, 'the Commission remained open to talks', "Sefcovic", "Maros Sefcovic", "said"),
 (D, 'Our door is open,', "he", "Maros Sefcovic", "said"),
 (D, 'But we will not stand by while an entire industry disappears.', "he", "Maros Sefcovic", "said"),
 (P, 'hit consumers first and Chinese producers last', "The European Bicycle and Scooter Retailers' Association", "European Bicycle and Scooter Retailers' Association", "said"),
],
"local-library": [
 (D, 'I have never seen this room so full,', "board chair Dorothy Ames", "Dorothy Ames", "said"),
 (D, 'People told us very clearly what the library means to them, and we listened.', "board chair Dorothy Ames", "Dorothy Ames", None),
 (D, 'Sunday is the only day my kids and I can come here together,', "Maria Delgado", "Maria Delgado", "said"),
 (D, 'Take that away and you take away the one place in town that is free and warm and open to everybody.', "Maria Delgado", "Maria Delgado", None),
 (I, 'he was not against Sunday hours but worried about the reserve fund', "Trustee Frank Russo", "Frank Russo", "said"),
 (D, 'We are spending money we will need when the roof goes,', "Russo", "Frank Russo", "said"),
 (D, "I hope I'm wrong.", "Russo", "Frank Russo", None),
 (I, 'the reserve would still hold about $210,000 after the transfer', "Library director Anita Shah", "Anita Shah", "said"),
 (D, "We're going to have to make the case again next year,", "Shah", "Anita Shah", "said"),
 (D, 'But tonight is a good night.', "Shah", "Anita Shah", None),
],
"sports-derby": [
 (D, 'I just told myself to attack the ball,', "Okafor", "Daniel Okafor", "said"),
 (D, "The gaffer said to me before I went on, ‘You'll get one chance, make it count.’ And I did.", "Okafor", "Daniel Okafor", None),
 (D, 'First half we were nowhere,', "Gallagher", "Sean Gallagher", "said"),
 (D, "We didn't pass it, we didn't run, we didn't win a header. I said a few things at half-time — I won't repeat them here — and they responded like men.", "Gallagher", "Sean Gallagher", None),
 (D, "I've seen it once. I'll leave it to you lot.", "he", "Sean Gallagher", None),
 (D, "It's the same goal again and again,", "she", "Ruth Calloway", "said"),
 (D, "We work on it all week and then we switch off. That's on the players and it's on me.", "she", "Ruth Calloway", None),
 (D, 'Where did five minutes come from? Nobody can tell me.', "Calloway", "Ruth Calloway", None),
],
"court-fraud": [
 (D, 'This was not a lapse of judgment. It was a long and deliberate scheme,', "U.S. District Judge Patricia Okonkwo", "Patricia Okonkwo", "told Lindqvist"),
 (D, 'Every dollar you took was a dollar that did not reach a sick child.', "U.S. District Judge Patricia Okonkwo", "Patricia Okonkwo", None),
 (P, 'a man who treated a charity as his personal bank.', "he", "Michael Brennan", "described"),
 (D, 'He is ashamed, and he is sick, and he has spent the last two years trying to understand how he became this person,', "Feld", "Sarah Feld", "said"),
 (D, 'I am sorry,', "he", "Gregory Lindqvist", "said"),
 (D, 'I let down people who trusted me, and I let down children I never met.', "he", "Gregory Lindqvist", None),
 (I, 'the charity had rebuilt its finances with help from donors', "The foundation's current chair, Helen Marsh", "Helen Marsh", "said"),
 (D, 'We have survived this,', "Marsh", "Helen Marsh", "said"),
 (D, 'The children we serve never saw a single program cut, and that is what matters to us.', "Marsh", "Helen Marsh", None),
],
"science-coral": [
 (D, 'We expected to come back to a graveyard,', "Dr. Leila Haddad", "Leila Haddad", "said"),
 (D, 'Instead, nearly nine out of ten colonies of this one species were still there, still feeding, still growing.', "Dr. Leila Haddad", "Leila Haddad", None),
 (D, 'This is one species, in one lagoon, that has had thousands of years to adapt to extreme conditions,', "Kessler", "Martin Kessler", "said"),
 (D, 'Most reefs do not have that time. If anything, our study shows how much warming it takes to make a coral this tough.', "Kessler", "Martin Kessler", None),
 (I, 'the team now wants to test whether fragments of the lagoon corals can be grown in nurseries', "Haddad", "Leila Haddad", "said"),
 (P, 'the only real answer', "The International Coral Reef Initiative", "International Coral Reef Initiative", "said"),
 (D, 'Restoration can buy time for some reefs. It cannot replace action on climate,', "the initiative", "International Coral Reef Initiative", "said"),
 (D, 'Nobody should read this and think the problem has solved itself,', "he", "Martin Kessler", "said"),
],
"business-merger": [
 (D, "Crispin's brands are loved in every corner of the UK, and together we can bring them to many more markets in Europe and beyond,", "Nordhavn chief executive Ingrid Solberg", "Ingrid Solberg", "said in a statement"),
 (D, 'This is a combination that makes sense for consumers, for our employees and for our shareholders.', "Nordhavn chief executive Ingrid Solberg", "Ingrid Solberg", None),
 (P, 'certain value', "Crispin", "Crispin", "said"),
 (P, 'significant uncertainty', "Crispin", "Crispin", "said"),
 (D, 'Nordhavn is paying a full price, and it will need to find real savings to make this work,', "Rebecca Tan", "Rebecca Tan", "said"),
 (D, 'The obvious place to look is the factories, and that is where the unions will push back.', "Rebecca Tan", "Rebecca Tan", None),
 (D, 'Our members have heard promises before,', "GMB national officer Paul Hendry", "Paul Hendry", "said"),
 (D, 'We want guarantees on jobs and sites, in writing.', "GMB national officer Paul Hendry", "Paul Hendry", None),
 (I, "Nordhavn had no plans to close any of Crispin's factories", "Solberg", "Ingrid Solberg", "told analysts"),
 (D, 'We are buying Crispin to grow it, not to shrink it,', "she", "Ingrid Solberg", "said"),
],
"feature-lighthouse": [
 (D, 'The wind was so strong you could lean on it. I had the light going and I could see her, just, every time the beam came round, further in towards the rocks each time.', "he", "Alasdair MacLeod", "described"),
 (D, "I rang the lifeboat station and they said they were launching, but I knew they'd be forty minutes at least. So I did the only thing I could think of. I went down to the store and I got every lamp and torch we had and I lined them up along the cliff path, so the skipper would know where the rocks were and where they weren't.", "he", "Alasdair MacLeod", None),
 (D, "I don't know if it helped. He told me afterwards that it did. Maybe he was being kind. But all six of them came home, and that's what I remember.", "he", "Alasdair MacLeod", None),
 (D, 'My father talked about that night for the rest of his life,', "she", "Fiona Mackay", "said"),
 (D, 'He always said there were two lights on the point that night, and one of them was Alasdair.', "she", "Fiona Mackay", None),
 (D, 'It was the job,', "he", "Alasdair MacLeod", "said"),
 (D, 'You looked after the light and you looked after the people who needed it.', "he", "Alasdair MacLeod", None),
 (D, "I'll tell them about the steps,", "he", "Alasdair MacLeod", "said"),
 (D, "They'll find out about them soon enough.", "he", "Alasdair MacLeod", None),
],
"council-three": [
 (I, 'the city could not afford to turn the scheme down', "Councillor Janet Pryce", "Janet Pryce", "said"),
 (D, 'We have 2,300 families on the housing waiting list,', "she", "Janet Pryce", "said"),
 (D, 'Every year we say not here, not now, not this site. And every year the list gets longer.', "she", "Janet Pryce", None),
 (I, 'his residents were not opposed to new homes but to this plan', "Councillor Robert Yeung", "Robert Yeung", "said"),
 (D, 'The main road past the farm is already at a standstill at eight in the morning,', "he", "Robert Yeung", "said"),
 (D, "Add 600 homes and 900 cars and you don't have a road, you have a car park.", "he", "Robert Yeung", None),
 (D, 'That is not nothing,', "she", "Janet Pryce", "said"),
 (D, 'It is a junction,', "Yeung", "Robert Yeung", "said"),
 (D, "It is not a bus route, it is not a school, it is not a doctor's surgery.", "Yeung", "Robert Yeung", None),
 (D, "I can't support a plan that leaves children from Hollins Farm being driven across the city to find a school place,", "she", "Amanda Oyelaran", "said"),
 (D, "Give me a school on the site and I'll vote for it tomorrow.", "she", "Amanda Oyelaran", None),
 (D, 'Councillor Oyelaran has put her finger on it,', "he", "Robert Yeung", "said"),
 (D, 'I would rather have a better plan in March than a bad vote tonight,', "she", "Janet Pryce", "said"),
],
"interview-chef": [
 (D, "I couldn't. I thought it was going to be worse,", "she", "Lucia Romano", "said"),
 (D, "I have never sat down with a chef after a review. Critics don't do that, for good reasons.", "Berg", "Thomas Berg", None),
 (D, 'Because people I trusted told me I had got it wrong,', "he", "Thomas Berg", "said"),
 (D, 'And because the first visit bothered me. The food was bad, but it was bad in an interesting way, like someone trying too hard.', "he", "Thomas Berg", None),
 (D, "He's right. I was trying too hard. I had eleven things on every plate. I wanted to show everything I could do.", "Romano", "Lucia Romano", None),
 (D, 'I took things away,', "she", "Lucia Romano", "said"),
 (D, "Every plate, I asked, what is this for? If I couldn't answer, it went.", "she", "Lucia Romano", None),
 (D, 'You can taste that. The pasta on the second visit had four ingredients, and I still think about it.', "Berg", "Thomas Berg", None),
 (D, 'It nearly closed us,', "Romano", "Lucia Romano", "said"),
 (D, "I had to let two people go. I'm not going to pretend that didn't happen.", "Romano", "Lucia Romano", None),
 (D, "A review can do real damage, and a critic has to be sure. I was sure. I'd write the same review of that meal again.", "Berg", "Thomas Berg", None),
 (D, 'I know,', "she", "Lucia Romano", "said"),
 (D, "That's the annoying part.", "she", "Lucia Romano", None),
],
"politics-budget": [
 (P, 'responsible', "The finance minister, Carla Mendes", "Carla Mendes", "calling it"),
 (P, 'fair to every generation', "The finance minister, Carla Mendes", "Carla Mendes", "calling it"),
 (P, 'cooking the books', "opposition parties", None, "accused"),
 (P, 'people who have worked all their lives', "Mendes", "Carla Mendes", "told parliament"),
 (P, 'concrete and asphalt', "Mendes", "Carla Mendes", "told parliament"),
 (D, 'We are not cutting a single euro from health or education,', "she", "Carla Mendes", "said"),
 (D, 'We are asking builders to wait a year, so that pensioners do not have to wait at all.', "she", "Carla Mendes", None),
 (P, 'pure fantasy', "The main opposition leader, Jorge Tavares", "Jorge Tavares", "said"),
 (D, 'Every independent economist in this country says growth will be closer to one percent than two,', "Tavares", "Jorge Tavares", "said"),
 (D, 'The minister knows it. She has built a budget on a number she does not believe.', "Tavares", "Jorge Tavares", None),
 (P, 'golden rule', None, None, None),
 (P, 'at the upper end of plausible forecasts', "The independent Public Finance Council", "Public Finance Council", "said in a report"),
 (D, 'The council said the same thing last year,', "she", "Carla Mendes", "said"),
 (D, 'Last year we grew by 2.4 percent.', "she", "Carla Mendes", None),
],
"ministry-floods": [
 (I, 'Up to 300 millimetres of rain', "the national weather service Météo-France", "Météo-France", "according to"),
 (D, 'The situation remains very serious, and we are asking people in the affected areas not to travel under any circumstances', "the Interior Ministry", "Interior Ministry", "said in a statement"),
 (D, 'Searches are continuing, but the conditions are extremely difficult', "the prefecture", "the prefecture", "said in a message on social media"),
 (D, 'I have lived here for sixty years and I have never seen anything like it. The old town is under water, the shops, the houses, everything', "he", "Pierre Gaillard", "said"),
 (D, 'I heard the water come in downstairs, it made a noise like a train', "she", "Monique Favre", "said"),
 (D, 'I took my cat and my papers and went upstairs. After that I just waited.', "she", "Monique Favre", None),
 (D, 'The state will be at the side of every family affected', "he", "Paul Renaud", "wrote"),
],
"uk-rail": [
 (D, 'We got this wrong and we are sorry,', "managing director Claire Hutchinson", "Claire Hutchinson", "said"),
 (D, 'Our passengers deserved a timetable they could rely on, and we did not give them one.', "managing director Claire Hutchinson", "Claire Hutchinson", None),
 (D, 'I’ve been doing this journey since the ’90s and it’s never been this bad,', "Graham Lowther", "Graham Lowther", "said"),
 (D, 'You stand on the platform and you just don’t know.', "Graham Lowther", "Graham Lowther", None),
 (D, 'My manager’s been understanding, but there’s only so many times you can say “the train was cancelled”,', "she", "Priya Natarajan", "said"),
 (D, 'Passengers in the north have been let down too often,', "he", "David Okeke", "said"),
 (D, 'I expect Northway to sort this out, and I will be watching closely.', "he", "David Okeke", None),
 (P, 'entirely predictable', "The drivers’ union Aslef", "Aslef", "said"),
 (D, 'They were told, they were told again, and they did nothing,', "Mr Dawson", "Mick Dawson", "said"),
],
}


def write(root, G, annotated_by):
    """Adds each quote's character offsets in ROOT/NAME/article.txt and
    writes ROOT/NAME/gold.json.  Shared with ../corpus-holdout2/mkgold.py."""
    for name, qs in G.items():
        text = open(os.path.join(root, name, "article.txt"), encoding="utf-8").read()
        out = []
        for i, (kind, t, spk, res, cue) in enumerate(qs, 1):
            n = text.count(t)
            # direct quotes must be unambiguous; a partial quote that the
            # headline repeats is the body's (last) occurrence
            if n == 0 or (n != 1 and kind == D):
                sys.exit("%s: %d occurrences of %r" % (name, n, t))
            a = text.rindex(t)
            q = {"id": "q%d" % i, "text": t, "content_spans": [[a, a + len(t)]],
                 "direct": kind == D, "kind": "speech" if kind == D else kind,
                 "speaker": spk, "speaker_resolved": res, "cue": cue}
            out.append(q)
        gold = {"source": {"file": "article.txt",
                           "origin": "invented news story written for newsbrief's held-out quote test (not a real event; names are fictional)",
                           "annotated_by": annotated_by},
                "notes": "direct quotes: direct == true and kind == \"speech\" (what scripts/eval-quotes scores); kind \"partial\" and \"indirect\" are listed for reference and not scored. content_spans are character offsets of text in article.txt (Python str indices).",
                "quotes": out}
        with open(os.path.join(root, name, "gold.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(name, sum(q["direct"] for q in out), "direct,", len(out), "total")


if __name__ == "__main__":
    write(sys.argv[1], G, "hand-annotated for this project, before the summarizer's rules were read")
