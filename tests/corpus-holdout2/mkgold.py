# How the gold.json files here were made: the quotes below were chosen and
# annotated by hand (written after the rules were tuned on tests/corpus-holdout,
# before running newsbrief on them); this script
# only adds each text's character offsets in article.txt and writes gold.json.
# Usage: python3 mkgold.py tests/corpus-holdout2
import json, os, sys
D, P, I = "direct", "partial", "indirect"
G = {
"obituary-potter": [
 (I, 'she had been ill for some months', "her son, Peter Marlowe", "Peter Marlowe", "said"),
 (D, 'She never once told a child that a pot was wrong,', "her son", "Peter Marlowe", "said"),
 (D, "She would turn it in her hands and find the one good thing about it, and then she'd say, now make another.", "her son", "Peter Marlowe", None),
 (I, 'Marlowe had changed the course of her life', "The ceramicist Ruth Okonedo", "Ruth Okonedo", "said"),
 (D, 'I walked in there a bored kid and walked out knowing what I wanted to do,', "Okonedo", "Ruth Okonedo", "said"),
 (D, 'Edith gave that to hundreds of us. She was tough, mind. If you wasted clay, you heard about it.', "Okonedo", "Ruth Okonedo", None),
 (D, "Because every week somebody makes something they didn't know they could make,", "she", "Edith Marlowe", "replied"),
 (D, "I've never found anything better to do with a Saturday.", "she", "Edith Marlowe", None),
],
"tech-launch": [
 (D, 'We built this for my dad,', "co-founder and chief executive Daniela Ortiz", "Daniela Ortiz", "said"),
 (D, "He lost most of his hearing at sixty and he stopped going to family dinners because he couldn't follow the conversation. I wanted to give him those dinners back.", "co-founder and chief executive Daniela Ortiz", "Daniela Ortiz", None),
 (P, 'fast and surprisingly accurate', "technology columnist Ben Adeyemi", "Ben Adeyemi", "said"),
 (D, "It's the first product in this category I'd actually recommend to a family member,", "Adeyemi", "Ben Adeyemi", "wrote"),
 (D, "But it's a first version, and it shows.", "Adeyemi", "Ben Adeyemi", None),
 (D, "Technology like this can make a real difference in people's daily lives,", "Howard Kim", "Howard Kim", "said"),
 (D, 'It is not a substitute for the access that the law already requires.', "Howard Kim", "Howard Kim", None),
 (D, "You'll get a full day of normal use. If you're captioning non-stop, about six hours.", "Ortiz", "Daniela Ortiz", "said"),
 (D, 'Spanish and Mandarin first,', "he", "Samir Haddad", "told reporters"),
 (D, 'Then the rest as fast as we can.', "he", "Samir Haddad", None),
],
"storm-police": [
 (D, 'The crew did everything right,', "a coastguard spokeswoman", "HM Coastguard spokeswoman", "said"),
 (D, 'They raised the alarm early, they were wearing lifejackets, and they stayed with the boat. That is why they are alive.', "a coastguard spokeswoman", "HM Coastguard spokeswoman", None),
 (D, 'We could see their lights one second and not the next,', "he", "Tom Harland", "said"),
 (D, 'It took us three attempts to get alongside. The lads on deck were brilliant.', "he", "Tom Harland", None),
 (D, 'We understand people want to watch the waves, but the piers are extremely dangerous tonight,', "Inspector Sarah Kemp", "Sarah Kemp", "said"),
 (D, "Please don't put yourself or our rescue crews at risk.", "Inspector Sarah Kemp", "Sarah Kemp", None),
 (D, 'I just want to thank the lifeboat crew,', "he", "owner of the Silver Dawn", "said"),
 (D, "Without them I'd be talking about two funerals.", "he", "owner of the Silver Dawn", None),
],
"election-night": [
 (D, "People told me on every doorstep that they didn't feel heard,", "she", "Grace Okoro", "said"),
 (D, 'Starting in January, they will be.', "she", "Grace Okoro", None),
 (D, "Every vote deserves to be counted, and that includes the ones that haven't been counted yet,", "Whitcombe", "Dale Whitcombe", "said"),
 (D, "When they are, I'll have more to say.", "Whitcombe", "Dale Whitcombe", None),
 (P, 'reviewing its options', "His campaign manager, Lisa Brandt", "Lisa Brandt", "said"),
 (D, 'This city has been run for the benefit of developers for eight years,', "Okoro", "Grace Okoro", "told the crowd"),
 (D, 'That ends now.', "Okoro", "Grace Okoro", None),
 (D, 'We had lines at some precincts at 7 p.m.,', "Sullivan", "Mark Sullivan", "said"),
 (D, "That's something we usually only see in presidential years.", "Sullivan", "Mark Sullivan", None),
],
"health-study": [
 (D, "You don't need to run a marathon,", "she", "Karin Lindgren", "said"),
 (D, 'A brisk walk around the neighbourhood, every day, seems to be enough to make a real difference.', "she", "Karin Lindgren", None),
 (D, "People who are well enough to walk every day are different from people who aren't,", "Shah", "Amit Shah", "said"),
 (D, 'The researchers adjusted for a lot of that, but you can never adjust for everything.', "Shah", "Amit Shah", None),
 (D, 'We tell every patient to get moving after a heart attack. This gives us one more good reason to say it.', "he", "Amit Shah", None),
 (P, 'a strong body of evidence', "The British Heart Foundation", "British Heart Foundation", "said"),
 (D, 'Cardiac rehabilitation works, but too few patients are offered it, and too few of those who are offered it take it up,', "the charity's associate medical director, Professor Nilesh Samani", "Nilesh Samani", "said in a statement"),
],
"berlin-strike": [
 (D, 'Our colleagues drive this city every day, in every weather, and they deserve to be paid for it', "Verdi negotiator Jeremy Arndt", "Jeremy Arndt", "told reporters"),
 (D, 'We did not want this strike, but the employer left us no choice.', "Verdi negotiator Jeremy Arndt", "Jeremy Arndt", None),
 (P, 'completely excessive', "BVG", "BVG", "called"),
 (D, 'This strike hits the people of Berlin, not the company', "BVG spokeswoman Petra Nowak", "Petra Nowak", "said"),
 (D, 'We are ready to continue negotiating at any time.', "BVG spokeswoman Petra Nowak", "Petra Nowak", None),
 (D, 'I left home an hour early and I am still late', "Mehmet Yilmaz", "Mehmet Yilmaz", "said"),
 (D, 'I understand the drivers, but it is always us who pay.', "Mehmet Yilmaz", "Mehmet Yilmaz", None),
 (D, 'Berliners need a solution, not a long conflict', "she", "Ute Bonde", "said"),
],
}

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus-holdout"))
    import mkgold
    mkgold.write(sys.argv[1], G, "hand-annotated for this project, written after the summarizer was tuned on tests/corpus-holdout, and measured once")
