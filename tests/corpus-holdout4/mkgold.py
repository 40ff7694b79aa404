# How the gold.json files here were made: the quotes below were chosen and
# annotated by hand from the text (written without reading the summarizer's
# code or the other sets' rule lists, before running newsbrief on them); this
# script only adds each text's character offsets in article.txt and writes
# gold.json.  Usage: python3 mkgold.py tests/corpus-holdout4
# Conventions: a direct quote is the quoted words; "Q1," S said, "Q2." is two
# quotes; each paragraph of a quote that runs over several paragraphs is its
# own quote; a paragraph that is only a quotation belongs to the previous
# speaker; partial quotes inside a sentence are kind "partial" (not scored);
# scare quotes, nicknames and terms in marks are not listed.
import os, sys
D, P, I = "direct", "partial", "indirect"
G = {
"council-libraries": [
 (I, 'the city had no other way to cover a $9 million gap', "Mayor Linda Carraway", "Linda Carraway", "said"),
 (D, 'Nobody on this council came into public life to close libraries,', "Carraway", "Linda Carraway", "said"),
 (D, 'But I was elected to balance the books, and this budget does that without laying off a single firefighter.', "Carraway", "Linda Carraway", None),
 (P, 'a false economy', "Councillor Raymond Osei", "Raymond Osei", "called"),
 (D, 'We are selling off the places where children learn to read to pay for a parking garage that nobody asked for,', "Osei", "Raymond Osei", "said"),
 (D, 'I will be bringing a motion next month to reverse this, and I expect to win it.', "Osei", "Raymond Osei", None),
 (D, 'The Millbrook branch sees eleven people on an average weekday,', "Vasquez", "Helen Vasquez", "said"),
 (D, 'We can keep pretending that is a library service, or we can put the money where the readers are.', "Vasquez", "Helen Vasquez", None),
 (D, 'I’d ask my colleagues to look at the numbers before they look at the cameras.', "Vasquez", "Helen Vasquez", None),
 (P, 'with a heavy heart', "Councillor Peter Lindqvist", "Peter Lindqvist", "said"),
 (D, "I don't like it,", "Lindqvist", "Peter Lindqvist", "told the meeting"),
 (D, 'Nobody likes it. But the alternative on the table was a 7 percent property tax rise, and the people in my ward cannot pay that.', "Lindqvist", "Peter Lindqvist", None),
 (D, 'Where are the pensioners supposed to go?', "she", "Joan Whitfield", "said"),
 (D, 'The main library is two bus rides away.', "she", "Joan Whitfield", None),
],
"cup-quarterfinal": [
 (D, 'I said to them at half-time, if we get the next goal, they will go,', "Harwood manager Gary Pownall", "Gary Pownall", "said"),
 (D, 'They are a good side, but they had not been behind all season, and you could see the doubt creep in.', "Harwood manager Gary Pownall", "Gary Pownall", None),
 (D, 'Jamie has been patient. He has trained like a first-team player for six months and not complained once,', "Pownall", "Gary Pownall", "said"),
 (D, 'Today he got his reward, and he took it like he had been doing it for years.', "Pownall", "Gary Pownall", None),
 (I, 'his goalkeeper, Tom Whelan, had been pushed in the back', "Kelsey manager Steve Adair", "Steve Adair", "saying"),
 (D, "It's a foul. Everybody in the ground saw it except the one man who matters,", "Adair", "Steve Adair", "told reporters"),
 (D, "I'm not going to say any more than that, because I'd like to keep my money.", "Adair", "Steve Adair", None),
 (D, "We stopped doing the simple things. At 2-0 you have to kill the game, and we didn't.", "Adair", "Steve Adair", None),
 (P, 'no idea', "Hale", "Marcus Hale", "said"),
 (D, 'I closed my eyes and it hit my head,', "he", "Marcus Hale", "said"),
 (D, 'My mum is going to frame it.', "he", "Marcus Hale", None),
],
"court-scaffold": [
 (P, 'get on with it', "Tolley", "Graham Tolley", "told"),
 (I, 'Tolley had put his profit ahead of the lives of the men who worked for him', "Judge Miriam Achebe", "Miriam Achebe", "said"),
 (D, "You were told, not once but twice, that the scaffold was unsafe. You chose to do nothing, because doing something would have cost you a day's work,", "the judge", "Miriam Achebe", "said"),
 (D, 'Callum Price was nineteen years old. He had been with your company for seven weeks. He trusted that the people in charge of his safety knew what they were doing, and he was wrong to trust you.', "the judge", "Miriam Achebe", None),
 (D, 'The morning the police came, I was making his packed lunch. I still have the bag. I cannot bring myself to throw it away.', "Callum's mother, Denise Price", "Denise Price", "wrote"),
 (D, 'Callum wanted to build houses for families like ours, who had never owned one. He was proud of every wall he put up, and he would send me photographs of them.', "Callum's mother, Denise Price", "Denise Price", "wrote"),
 (D, 'Mr. Tolley will come out of prison one day. My son will not come home.', "Callum's mother, Denise Price", "Denise Price", "wrote"),
 (P, 'genuinely and deeply sorry', "Tolley's barrister, Nigel Shaw", "Nigel Shaw", "said"),
 (D, 'He thinks about Callum every day,', "Shaw", "Nigel Shaw", "told the court"),
 (D, 'He will carry this for the rest of his life, and he knows that it is nothing next to what the Price family carry.', "Shaw", "Nigel Shaw", None),
 (D, 'Without it, the sentence would have been nine years,', "she", "Miriam Achebe", "said"),
 (D, 'This death was entirely preventable. Every builder in this country should read what happened on Rowan Street and then go and check their own scaffolds.', "Ruth Danvers, an inspector with the Health and Safety Executive", "Ruth Danvers", "said"),
],
"flood-calderford": [
 (I, 'water levels at the town bridge had risen by almost two metres overnight', "The county's emergency management director, Paul Hendricks", "Paul Hendricks", "said"),
 (D, 'We have not seen the river this high since 1998, and we expect it to go higher before it goes down,', "Hendricks", "Paul Hendricks", "said"),
 (D, 'If you are in the evacuation zone and you are still at home, please leave now. Do not wait for the water to reach your door.', "Hendricks", "Paul Hendricks", None),
 (D, 'We got out with the dog and the clothes we were wearing,', "one resident, who gave only her first name, Maria", "Maria", "said"),
 (D, 'My husband went back for the photo albums, and I shouted at him the whole way there and back.', "one resident, who gave only her first name, Maria", "Maria", None),
 (I, 'he had refused to leave until a fire crew came to his door in a boat', "Another resident, Derek Fulton", "Derek Fulton", "said"),
 (D, 'I’ve lived on Mill Lane for forty years and I’ve had water in the kitchen three times,', "Fulton", "Derek Fulton", "said"),
 (D, 'This is the first time I’ve had it upstairs.', "Fulton", "Derek Fulton", None),
 (D, 'Please, please do not drive through floodwater,', "he", "Paul Hendricks", "said"),
 (D, 'Thirty centimetres of moving water will float a car. We have pulled people out of vehicles this weekend who were very lucky to be alive.', "he", "Paul Hendricks", None),
],
"earnings-corvane": [
 (D, 'We are not happy with these numbers, and I want to be straightforward about that,', "Bellamy", "Andrea Bellamy", "told analysts"),
 (D, 'The consumer is under pressure and has been choosing on price. We were too slow to respond.', "Bellamy", "Andrea Bellamy", None),
 (I, 'Corvane would cut prices on about 200 of its products from November', "She", "Andrea Bellamy", "said"),
 (D, 'This is a strong company with strong brands,', "she", "Andrea Bellamy", "added"),
 (D, 'What we need is to make them affordable again, and we are going to do that starting this quarter.', "she", "Andrea Bellamy", None),
 (D, 'Cutting prices to win back volume is a plan, but it’s an expensive one, and the guidance doesn’t tell us how they’ll pay for it,', "analyst Priya Nandakumar of Halden Securities", "Priya Nandakumar", "said"),
 (P, 'damaged trust in the brand at exactly the wrong moment', "Another analyst, Martin Greaves of Oakline Capital", "Martin Greaves", "said"),
 (D, 'The savings start in the second half of next year,', "Ortega", "Samuel Ortega", "said"),
 (D, 'We expect them to reach about $60 million a year once the work is finished.', "Ortega", "Samuel Ortega", None),
],
"health-measles": [
 (D, 'Measles is one of the most contagious diseases we know of,', "the doctor", "Elena Marsh", "said"),
 (D, 'One infected person in a room can infect nine out of ten people around them who are not protected.', "the doctor", "Elena Marsh", None),
 (D, 'The vaccine is safe, it is free, and two doses give about 97 percent protection,', "she", "Elena Marsh", "said"),
 (D, "If you're not sure whether your child has had both, call us, and we'll check the records for you.", "she", "Elena Marsh", None),
 (D, 'He had a fever of 40 degrees and he couldn’t open his eyes because the light hurt them,', "Brandon", "Kelly Brandon", "said"),
 (D, 'We didn’t vaccinate because we were worried about side effects. I wish we had worried about measles instead.', "Brandon", "Kelly Brandon", None),
 (D, "Please don't do this,", "Marsh", "Elena Marsh", "said"),
 (D, 'Measles can cause pneumonia and swelling of the brain, and there is no way to know in advance which child will be the one who gets seriously ill.', "Marsh", "Elena Marsh", None),
 (D, "We have a safe way to protect children. We don't need a dangerous one.", "Marsh", "Elena Marsh", None),
 (D, "It's hard on families, and we know it,", "he", "Owen Hart", "said"),
 (D, 'But we have children here with leukaemia who cannot be vaccinated, and we have to protect them too.', "he", "Owen Hart", None),
],
"profile-keldrow": [
 (D, 'My grandfather kept the top lock, and my father after him, and I’d have kept it too if they had let women do it then,', "she", "Morag Baillie", "says"),
 (D, 'People ask me if I’m lonely. I tell them I’ve the whole canal going past my window. Who could be lonely with that?', "she", "Morag Baillie", None),
 (D, 'It was the winter of 1963 and the ice was that thick you could walk on it. The Mary Ellen came through with coal for the mill, and my father broke the ice in front of her with a pole for two miles.', "She", "Morag Baillie", "remembers"),
 (D, 'Nobody ever came through with coal again after that. The lorries had it.', "She", "Morag Baillie", None),
 (D, 'She taught me everything about the garden,', "he", "Rhys Pritchard", "says"),
 (D, "I'd killed every plant I ever owned before I came here, including a cactus.", "he", "Rhys Pritchard", None),
 (P, 'a living museum', "Its heritage officer, Dominic Fry", "Dominic Fry", "calls"),
 (D, 'We could get a great deal of money for these houses. We would lose something we could never buy back,', "Fry", "Dominic Fry", "says"),
 (D, 'They’ll carry me out of here,', "she", "Morag Baillie", "says"),
],
"politics-port": [
 (I, 'the sale of 51 percent of the port to a private operator', "Kovač", "Adrian Kovač", "told parliament"),
 (D, 'The port loses money every year, and every year the taxpayer covers it. That ends with this sale.', "The minister", "Adrian Kovač", None),
 (D, "This is a fire sale. They are selling the country's most valuable asset to cover one year's deficit, and next year the deficit will still be there.", "opposition finance spokeswoman Lena Petrić", "Lena Petrić", "according to"),
 (D, 'Our members were promised their jobs were safe in 2019, and in 2022, and again last year,', "Horvat", "Milan Horvat", "said"),
 (D, 'Nobody believes that promise any more.', "Horvat", "Milan Horvat", None),
 (D, 'We will be at the gates every day until the sale is stopped,', "the union", "dockworkers' union", "according to"),
 (D, 'Every job at the port will be protected for five years in the sale contract. I have said that to the union, and I will say it to every worker who wants to hear it.', "Kovač", "Adrian Kovač", None),
 (P, 'come back to the table', "Prime Minister Vesna Radić", "Vesna Radić", "said"),
 (D, 'Nobody wins from a strike, least of all the workers,', "she", "Vesna Radić", "said"),
 (D, "The minister's door is open, and so is mine.", "she", "Vesna Radić", None),
],
}

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus-holdout"))
    import mkgold
    mkgold.write(sys.argv[1], G, "hand-annotated for this project, written blind (without reading the summarizer's code) and measured once")
