# How the gold.json files here were made: the quotes below were chosen and
# annotated by hand from each article's text (written blind: without reading
# the summarizer's code or rules, before running newsbrief on them); this
# script only adds each text's character offsets in article.txt and writes
# gold.json, through ../corpus-holdout/mkgold.py's write().
# Usage: python3 mkgold.py tests/corpus-holdout6
import os, sys
D, P, I = "direct", "partial", "indirect"
G = {
"hospital-strike": [
 (D, "Nobody on this picket line wanted to be here today,", "Maria Denholm, the union's regional organiser", "Maria Denholm", "said"),
 (D, "Our members have held these wards together through a pandemic and three bad winters, and they have been thanked with a pay rise that doesn't cover their rent.", "Maria Denholm, the union's regional organiser", "Maria Denholm", None),
 # a paragraph that is only a quotation: the previous speaker's
 (D, "We have been asking for talks since June. The door has stayed shut.", "Maria Denholm", "Maria Denholm", None),
 (I, "about one in five nursing posts at the infirmary was vacant", "Denholm", "Maria Denholm", "said"),
 (P, "the most we can afford without cutting services", "The board's chief executive, Graham Petrie", "Graham Petrie", "told The Daily Courier"),
 (D, "I respect the right of staff to take action, and I understand their frustration,", "Petrie", "Graham Petrie", "said"),
 (D, "But every pound we add to the pay bill is a pound that has to come from somewhere, and at the moment that somewhere is patient care.", "Petrie", "Graham Petrie", None),
 # a quote that runs over two paragraphs (the first left open): still Petrie's
 (D, "Nobody wants to see operations cancelled, least of all the staff who are on that picket line.", "Petrie", "Graham Petrie", None),
 (D, "If they are serious about talks, they can call off Thursday's action and sit down with us,", "he", "Graham Petrie", "said"),
 (D, "I was told on Friday it was going ahead,", "she", "Edna Farrow", "said"),
 (D, "Then a girl rang last night to say it wasn't. I don't blame the nurses. I blame whoever let it get this bad.", "she", "Edna Farrow", None),
 (D, "Pay in the health service is a matter for the boards and the unions. We urge both sides to get back around the table.", "The Department of Health", "Department of Health", "said in a statement"),
 (D, "We'll be back out on Thursday unless something changes.", "Denholm", "Maria Denholm", "said"),
],
"court-singer": [
 (D, "Tamsin has always said she did nothing wrong, and today twelve ordinary people agreed with her,", "Raman", "Priya Raman", "said"),
 (D, "This case should never have come to court. It has cost her a year of her life and a great deal of money.", "Raman", "Priya Raman", None),
 (D, "She would now like to get back to her music and to her family, and she asks that they be left in peace.", "Raman", "Priya Raman", None),
 (P, "considering her options", "Raman", "Priya Raman", "said"),
 (P, "lunging", "The prosecution", "prosecution", "told the jury"),
 (D, "It was right that a jury heard this case,", "he", "Jonathan Hale", "told reporters"),
 (D, "The law applies in the same way to everyone, whether they are famous or not.", "he", "Jonathan Hale", None),
 (P, "disappointed", "His agency, Flashline Pictures", "Flashline Pictures", "said in a statement"),
 (D, "Photographers do a lawful job in difficult conditions, and they deserve to be able to do it without being put in harm's way,", "the agency", "Flashline Pictures", "said"),
 (D, "We knew she'd be fine,", "Barnes", "Keisha Barnes", "said"),
 (D, "She's the kindest person in that whole industry.", "Barnes", "Keisha Barnes", None),
],
"transit-fares": [
 (D, "Nobody at Portvale Transport wants to put fares up,", "its chief executive, Alan Brereton", "Alan Brereton", "said"),
 (D, "But the money that kept them frozen for three years has gone, and the alternative was cutting one bus route in four.", "its chief executive, Alan Brereton", "Alan Brereton", None),
 (D, "That's another twenty quid a month for me,", "Shona McAllister, a care worker", "Shona McAllister", "said"),
 (D, "My wages haven't gone up by a fifth, have they?", "Shona McAllister, a care worker", "Shona McAllister", None),
 (D, "It's cheaper, and honestly it's quicker when the 42 doesn't turn up,", "he", "Arjun Mehta", "said"),
 (D, "I'm all right, but my granddaughter starts college in September, and now she'll be paying for the bus home at half four,", "he", "George Quinn", "said"),
 (P, "a tax on people who have no other way to get to work", "Councillor Rebecca Lyle", "Rebecca Lyle", "called"),
 (D, "This is a choice, not a necessity,", "Lyle", "Rebecca Lyle", "told the Portvale Echo"),
 (D, "The authority found the money for a new headquarters last year. It can find it for passengers.", "Lyle", "Rebecca Lyle", None),
 (D, "If the grant comes back, the first thing we will do is bring fares down,", "he", "Alan Brereton", "said"),
],
"space-launch": [
 (D, "That was as clean a launch as I’ve ever seen,", "mission director Helen Varga", "Helen Varga", "said"),
 (D, "After the week we’ve had, the whole team is allowed to smile today.", "mission director Helen Varga", "Helen Varga", None),
 (D, "You think you’re ready for it, and then the window fills up with blue and you forget what you were going to say,", "Wrona", "Tomasz Wrona", "said"),
 (D, "The ride up was smooth. Everyone’s feeling good, and we’re already getting on each other’s nerves, which is how you know it’s a proper crew.", "Wrona", "Tomasz Wrona", None),
 (D, "My mother still has the drawing I made of me in a rocket,", "she", "Lena Holm", "said"),
 (D, "It’s on her fridge, next to a photo of me in my spacesuit.", "she", "Lena Holm", None),
 (P, "the start of a permanent presence", "The agency’s administrator, Robert Kessler", "Robert Kessler", "called"),
 (D, "Every dollar spent keeping people alive in orbit is a dollar not spent watching what is happening to the planet,", "the group", "Campaign for Earth Science", "said in a statement"),
 (D, "Half of what we’ll do on Halden is looking down, not up,", "she", "Helen Varga", "said"),
],
"wine-hail": [
 (D, "I have seen hail before, but never like this,", "he", "Jean-Luc Marchetti", "said"),
 (D, "In twenty minutes we lost what took a year of work. In some rows there is nothing left at all, not a single bunch.", "he", "Jean-Luc Marchetti", None),
 (D, "Premiums have doubled in five years,", "Dufresne", "Claire Dufresne", "said"),
 (D, "For a family with eight hectares, that is the difference between paying for insurance and paying a worker. Too many made the choice we all understand.", "Dufresne", "Claire Dufresne", None),
 (D, "It's like looking at two different farms,", "Roux", "Amandine Roux", "told the Courrier de la Varenne"),
 (D, "On one side everything is green and fine, on the other side it looks like winter.", "Roux", "Amandine Roux", None),
 (D, "The nets cost me a fortune. Today I think they were the best money I ever spent.", "Roux", "Amandine Roux", None),
 (D, "Normally I'd have six weeks here. Now maybe two, maybe none,", "she", "Sophie", "said"),
 (P, "assessing the damage", "The regional council", "regional council", "said in a statement"),
],
"campus-occupation": [
 (D, "We're not going anywhere,", "Farida Nasser, president of the Ashgrove Students' Union", "Farida Nasser", "said"),
 (D, "This university sells itself to the world as a global institution, and now it wants to stop teaching anyone to speak to the world.", "Farida Nasser, president of the Ashgrove Students' Union", "Farida Nasser", None),
 (D, "I studied languages myself, and I take no pleasure in this,", "Gale", "Martin Gale", "said in an interview"),
 (D, "But applications have fallen by more than half since 2016. We cannot keep a department open for thirty students a year when the numbers simply aren't there.", "Gale", "Martin Gale", None),
 (P, "disruptive to students revising for exams", "He", "Martin Gale", "said"),
 (D, "They have every right to protest, and I'd rather they did it in a library than anywhere else,", "he", "Martin Gale", "added"),
 # "the bunker" is a scare quote (a nickname), not speech: not listed
 (D, "Not one of us was asked,", "Brandt", "Ilse Brandt", "said"),
 (D, "Not one.", "Brandt", "Ilse Brandt", None),
 (D, "Honestly, it's the best atmosphere this library has ever had,", "Tom Reilly, 20, a second-year history student", "Tom Reilly", "said"),
 (D, "I don't even study languages. I just think it's wrong.", "Tom Reilly, 20, a second-year history student", "Tom Reilly", None),
 (P, "committed to dialogue", "Ashgrove University", "Ashgrove University", "said"),
 (D, "No decision has yet been made, and we will listen carefully to all views,", "the statement", "Ashgrove University", "said"),
],
"rent-debate": [
 (P, "tinkering while tenants drown", "the opposition leader", "Margaret Fairlie", "accused"),
 # "no-fault" is a term in scare quotes, not speech: not listed
 (D, "For too long, the people who rent their homes have been treated as second-class citizens,", "Achterberg", "Daniel Achterberg", "told the chamber"),
 (D, "This bill says that a home is a home, whether you own it or not.", "Achterberg", "Daniel Achterberg", None),
 (D, "The minister talks about a generation,", "Fairlie", "Margaret Fairlie", "said"),
 (D, "A generation of young people has given up on ever owning a home, and this government's answer is to let their rent go up a little more slowly.", "Fairlie", "Margaret Fairlie", None),
 (D, "It is a sticking plaster on a broken leg, and everyone in this chamber knows it.", "Fairlie", "Margaret Fairlie", None),
 (D, "The honourable lady had nine years to cap a single rent, and she capped none,", "he", "Daniel Achterberg", "said"),
 (D, "We'll take no lessons from a minister who voted against every renters' bill for a decade,", "Fairlie", "Margaret Fairlie", "replied"),
 (P, "reduce the supply of rented homes at exactly the wrong moment", "The National Landlords Association", "National Landlords Association", "said"),
 (D, "Most landlords own one or two properties and are not villains,", "its chief executive, Stephen Carr", "Stephen Carr", "told the Capital Evening Post"),
 (D, "If the sums stop adding up, they will sell, and tenants will be the ones who pay.", "its chief executive, Stephen Carr", "Stephen Carr", None),
 (D, "We want it live before the next lettings season,", "Achterberg", "Daniel Achterberg", "said"),
],
"marathon-hospice": [
 (D, "Arthur was never a runner. He thought I was mad,", "she", "Dorothy Pike", "says"),
 (D, "But he'd be proud of the money. He always said the nurses at St Brigid's were angels, and he wasn't a man who said that sort of thing.", "she", "Dorothy Pike", None),
 (D, "I needed something to get me out of the house,", "she", "Dorothy Pike", "says"),
 (D, "Grief makes you want to sit still. Running is the opposite of sitting still.", "she", "Dorothy Pike", None),
 (D, "The first time I did it I walked most of the last six miles, and I cried at the end, and I've been hooked ever since.", "she", "Dorothy Pike", None),
 (D, "I tell her to take a rest day and she goes for a twelve-mile walk instead,", "Dunmore", "Ray Dunmore", "says"),
 (D, "You can't coach that out of someone. You just try to stop them getting hurt.", "Dunmore", "Ray Dunmore", None),
 (D, "Dorothy is a legend here,", "Marsh", "Helen Marsh", "says"),
 (D, "Our patients ask after her. When she comes in with her medal, there's a queue to hold it.", "Marsh", "Helen Marsh", None),
 (D, "Gran says I have to keep up,", "Ellie", "Ellie", "says"),
 (D, "I'm not sure I can.", "Ellie", "Ellie", None),
 (P, "very last one, probably", "Pike", "Dorothy Pike", "says"),
 (D, "I said that after the fifth one as well,", "she", "Dorothy Pike", "admits"),
],
}

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus-holdout"))
    import mkgold
    mkgold.write(sys.argv[1], G, "hand-annotated for this project, written blind (without reading the summarizer's code or rules) before running newsbrief on them, and measured once")
