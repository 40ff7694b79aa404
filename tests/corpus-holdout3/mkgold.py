# How the gold.json files here were made: the quotes below were chosen and
# annotated by hand from the text (written after the summarizer was tuned on
# tests/corpus-holdout and measured on tests/corpus-holdout2, before
# src/summarize was read or newsbrief was run on these articles); this script
# only adds each text's character offsets in article.txt and writes gold.json.
# Usage: python3 mkgold.py tests/corpus-holdout3
import os, sys
D, P, I = "direct", "partial", "indirect"
G = {
"ap-wildfire": [
 (D, 'We had a good day today,', "incident commander Walt Brennan", "Walt Brennan", "said"),
 (D, "The wind laid down, the crews got in close, and for the first time since Saturday we were able to go direct on the fire's edge.", "incident commander Walt Brennan", "Walt Brennan", None),
 (D, "But I want to be really clear with folks: this fire is not out. We've got a lot of hot ground out there, and if the wind comes back the way it's forecast for Thursday, we could see it run again.", "incident commander Walt Brennan", "Walt Brennan", None),
 (I, 'no homes had been lost', "Brennan", "Walt Brennan", "said"),
 (D, 'You grab what you can grab,', "Vega", "Marisol Vega", "said"),
 (D, "I took the kids' birth certificates and my mother's photo albums and I left everything else.", "Vega", "Marisol Vega", None),
 (D, "I keep thinking about the things I didn't take. My husband's guitar. The quilt my grandmother made.", "Vega", "Marisol Vega", None),
 (D, "But we're all safe. That's what I tell myself every night.", "Vega", "Marisol Vega", None),
 (I, 'deputies would begin escorting some residents back', "Deschutes County Sheriff Kevin Olsen", "Kevin Olsen", "said"),
 (D, 'We know people are anxious to get home,', "Olsen", "Kevin Olsen", "said"),
 (D, "We're asking for a little more patience so we can do this safely.", "Olsen", "Kevin Olsen", None),
],
"uk-hospital": [
 (D, 'It is a small thing, but it is the right thing,', "Mr Colin Pryce", "Colin Pryce", "said"),
 (D, 'Nobody working through the night to look after our patients should be paying for the privilege.', "Mr Colin Pryce", "Colin Pryce", None),
 (I, 'she had heard from colleagues', "Staff nurse Bethany Olu", "Bethany Olu", "said"),
 (D, 'Some of them were picking up extra shifts just to cover it,', "Ms Olu", "Bethany Olu", "said"),
 (D, "That’s not why anyone goes into nursing, and it was wrecking the nurses’ morale.", "Ms Olu", "Bethany Olu", None),
 (D, 'We’ll keep pushing until every member of staff can park for free,', "regional organiser Gareth Lowe", "Gareth Lowe", "said"),
 (D, 'The trust has found the money for nights; it can find it for days.', "regional organiser Gareth Lowe", "Gareth Lowe", None),
 (I, 'the trust would review daytime charges next year', "Mr Pryce", "Colin Pryce", "said"),
 (D, 'I’d love to make it free for everyone tomorrow,', "he", "Colin Pryce", "said"),
 (D, 'But every pound we spend on parking is a pound we don’t spend on patient care.', "he", "Colin Pryce", None),
],
"lyon-farmers": [
 (D, 'We are not against protecting water. We are the first to need it', "Jean-Baptiste Marchal, a cereal grower from the Ain", "Jean-Baptiste Marchal", "said"),
 (D, 'But these rules were written in an office in Paris by people who have never watered a field.', "Jean-Baptiste Marchal, a cereal grower from the Ain", "Jean-Baptiste Marchal", None),
 (D, 'I have been here two hours. I support the farmers, but I have a job to get to', "Amandine Roux, a pharmacist", "Amandine Roux", "said"),
 (P, 'after a long consultation', "The prefecture of the Rhône", "prefecture of the Rhône", "said in a statement"),
 (P, 'with discernment', "The prefecture of the Rhône", "prefecture of the Rhône", "said in a statement"),
 (D, 'The state has heard the concerns of farmers and remains open to dialogue', "the prefecture", "prefecture of the Rhône", "said"),
 (P, 'every week if necessary', "Marchal", "Jean-Baptiste Marchal", "said"),
 (D, 'They think we will get tired and go home', "he", "Jean-Baptiste Marchal", "said"),
 (D, 'They do not know farmers.', "he", "Jean-Baptiste Marchal", None),
],
# Q&A: each answer is Ingrid Solvang's own words, verbatim; the questions
# are the interviewer's and are not listed (a newsreader quotes answers)
"qa-boatbuilder": [
 (D, "My hands are telling me to. I can still do the fine work, but planking a hull takes strength, and I'd rather stop while every boat that leaves the shed is one I'm proud of.", "Ingrid Solvang", "Ingrid Solvang", None),
 (D, "The customers. In the early days it was fishermen and rowing clubs. Now it's mostly people who've retired and want something beautiful to row on a Sunday. I don't mind that at all. A boat should be loved.", "Ingrid Solvang", "Ingrid Solvang", None),
 (D, "Tomasz Wrobel, who has been my apprentice for six years, is taking over the shed. He's better at some things than I ever was, though don't tell him I said so.", "Ingrid Solvang", "Ingrid Solvang", None),
 (P, 'honoured and a little terrified', "Wrobel", "Tomasz Wrobel", "said"),
 (D, 'Ingrid has a waiting list of eleven boats,', "he", "Tomasz Wrobel", "said"),
 (D, 'I intend to build every one of them.', "he", "Tomasz Wrobel", None),
 (D, 'A proper Cornish pilot gig. Thirty-two feet, six oars. I never had the room.', "Ingrid Solvang", "Ingrid Solvang", None),
 (D, 'Row. I have built two hundred boats and I have hardly ever had time to take one out.', "Ingrid Solvang", "Ingrid Solvang", None),
],
"reuters-grounding": [
 (D, 'The safety of our passengers and crew comes before everything else,', "the airline", "Nordlake Air", "said in a statement"),
 (D, 'We will return the aircraft to service only when every engine has been inspected and cleared.', "the airline", "Nordlake Air", None),
 (I, 'it expected the inspections to take at least five days', "Nordlake Air", "Nordlake Air", "said"),
 (I, 'it had been informed of the findings on Monday evening', "The Norwegian Civil Aviation Authority", "Norwegian Civil Aviation Authority", "said"),
 (D, "We support the airline's decision, which was taken in line with its own safety procedures,", "the authority", "Norwegian Civil Aviation Authority", "said"),
 (D, 'At this stage we see no reason to extend the measure to other operators.', "the authority", "Norwegian Civil Aviation Authority", None),
 (I, 'it was following the situation closely', "The ministry of transport", "ministry of transport", "said"),
 (D, 'Air services are a lifeline for communities in the north, and we expect alternatives to be put in place quickly,', "the ministry", "ministry of transport", "said"),
 (P, 'working around the clock', "The engine manufacturer, Varde Propulsion", "Varde Propulsion", "said in a statement"),
 (D, 'Five days is manageable. If it turns into five weeks, it becomes a different story for the summer season,', "Henrik Aas, an analyst at Bergen Securities", "Henrik Aas", "said"),
],
"court-ashworth": [
 (P, 'the engine of the whole enterprise', "Judge Helen Marsh", "Helen Marsh", "told"),
 (D, 'You were clever, you were patient and you were utterly dishonest,', "the judge", "Helen Marsh", "said"),
 (D, "You took advantage of people's trust and of their love of something rare.", "the judge", "Helen Marsh", None),
 (P, 'subordinate role', "Luke Ashworth's barrister, Nadia Kerr", "Nadia Kerr", "said"),
 (D, 'He is not the architect of this scheme,', "Ms Kerr", "Nadia Kerr", "said"),
 (D, 'He followed where Daniel led, and he deeply regrets it.', "Ms Kerr", "Nadia Kerr", None),
 (I, 'he had never doubted the jury would see he was innocent of fraud', "Raymond Ashworth", "Raymond Ashworth", "said"),
 (D, 'I am a wine merchant. I have been one for fifty years and I have never cheated anyone,', "he", "Raymond Ashworth", "said"),
 (D, 'What my sons did, they will have to answer for.', "he", "Raymond Ashworth", None),
 (D, 'I do not want revenge,', "Mr Lafont", "Pierre Lafont", "said"),
 (D, 'I want my money back, and I want people to know these men for what they are.', "Mr Lafont", "Pierre Lafont", None),
],
"tennis-semis": [
 (D, 'That was as hard as it gets,', "he", "Chidi Okafor", "said"),
 (D, 'I was cramping at 5-all in the third and I just told myself, keep the points short.', "he", "Chidi Okafor", None),
 (D, 'Mateo played unbelievable tennis. He deserved to win that as much as I did.', "He", "Chidi Okafor", "added"),
 (I, 'he had no regrets', "Ruiz", "Mateo Ruiz", "said"),
 (D, 'I gave everything,', "he", "Mateo Ruiz", "said"),
 (D, 'Sometimes everything is not enough.', "he", "Mateo Ruiz", None),
 (D, 'I felt good from the first ball,', "she", "Annika Lindqvist", "said"),
 (D, 'It helps that I played early, before it got really hot.', "she", "Annika Lindqvist", None),
 (I, 'she had been practising with ice towels', "She", "Annika Lindqvist", "added"),
 (D, "It's not glamorous, but it works,", "she", "Annika Lindqvist", "said"),
 (D, 'I learned a lot today,', "she", "Hana Sato", "said"),
 (D, 'Annika showed me how far I still have to go.', "she", "Hana Sato", None),
],
"water-spokeswoman": [
 (I, 'the fault, in a chlorine dosing pump, was detected', "Eastmere Water spokeswoman Priya Nandakumar", "Priya Nandakumar", "said"),
 (D, 'At no point did we detect any harmful bacteria in the network,', "Nandakumar", "Priya Nandakumar", "said"),
 (D, 'The advice to boil water was a precaution, and it has now been lifted for all customers.', "Nandakumar", "Priya Nandakumar", None),
 (D, 'We know this caused real disruption for families, and we are sorry for that,', "the spokeswoman", "Priya Nandakumar", "said"),
 (D, 'We sent text alerts to every registered customer within two hours,', "she", "Priya Nandakumar", "said"),
 (D, 'We are looking at how we can make that faster.', "she", "Priya Nandakumar", None),
 (I, 'he had asked the company for a full report', "City council leader Graham Tully", "Graham Tully", "said"),
 (D, 'People need to be able to trust what comes out of the tap,', "Tully", "Graham Tully", "said"),
 (D, 'I want to know exactly what happened and why.', "Tully", "Graham Tully", None),
],
}

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus-holdout"))
    import mkgold
    mkgold.write(sys.argv[1], G, "hand-annotated for this project, written before src/summarize was read or newsbrief run on these articles, and measured once")
