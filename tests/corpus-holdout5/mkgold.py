# How the gold.json files here were made: the quotes below were chosen and
# annotated by hand from the text, before newsbrief was run on these articles
# (and without reading the summarizer's rules); this script only adds each
# text's character offsets in article.txt and writes gold.json.
# Usage: python3 mkgold.py tests/corpus-holdout5
import os, sys
D, P, I = "direct", "partial", "indirect"
G = {
"school-board": [
 (I, 'the board had heard from teachers for more than a year that phones were making it harder to teach', "Board president Angela Moreno", "Angela Moreno", "said"),
 (D, 'This is not about punishing kids,', "Moreno", "Angela Moreno", "said"),
 (D, "It's about giving them six hours a day where they can actually pay attention to the person in front of them.", "Moreno", "Angela Moreno", None),
 (D, "I've had parents call me in tears about this,", "Cho", "Raymond Cho", "said"),
 (D, "What happens when there's a lockdown and a kid can't text home?", "Cho", "Raymond Cho", None),
 (D, "I'll be watching how this goes very closely,", "he", "Raymond Cho", "added"),
 (D, 'We have a system for that, and it works,', "she", "Lisa Whitfield", "said"),
 (D, 'A phone in a locked pouch is not less safe than a phone at the bottom of a backpack.', "she", "Lisa Whitfield", None),
 (P, 'getting phones out of hands', "Marcus Bell", "Marcus Bell", "told the board"),
 (D, "By the time I've done that, I've lost a third of the class,", "he", "Marcus Bell", "said"),
 (D, 'A lot of us work, and our managers text us about shifts,', "Tran", "Sophie Tran", "said"),
 (D, "I get that it's a distraction. I just wish someone had asked us before the policy was written.", "Tran", "Sophie Tran", None),
 (D, "If it doesn't work, we'll say so,", "she", "Angela Moreno", "told the Harlow Valley Gazette"),
],
"recall-heaters": [
 (P, 'serious', "The commission", "Consumer Product Safety Commission", "described"),
 (D, 'The safety of our customers is our first priority,', "Brightwell", "Brightwell Home Appliances", "said in a statement"),
 (D, 'We are asking anyone who owns an affected heater to stop using it immediately and contact us for a full refund.', "Brightwell", "Brightwell Home Appliances", None),
 (I, 'the faulty switches had come from a single supplier', "Brightwell’s head of product safety, Nadia Kowalczyk", "Nadia Kowalczyk", "told reporters"),
 (D, 'We found the cause, we fixed it on the production line, and now we need to get the units that are already in people’s homes back,', "Kowalczyk", "Nadia Kowalczyk", "said"),
 (D, 'People were posting photos of scorched carpets last December,', "Galloway", "Theresa Galloway", "said"),
 (D, 'Brightwell knew, or should have known, long before today.', "Galloway", "Theresa Galloway", None),
 (D, 'Every winter we see the same thing,', "she", "Theresa Galloway", "told the Daily Ledger"),
 (D, 'A company waits until the reports pile up, and in the meantime families are plugging these things in next to the bed.', "she", "Theresa Galloway", None),
 (D, 'Early on, every case looked different. It took time to see the pattern,', "she", "Nadia Kowalczyk", "said"),
 # floating paragraph: the previous speaker's
 (D, 'Nobody at this company wanted to wait. Nobody.', "she", "Nadia Kowalczyk", None),
],
"obituary-drummer": [
 (P, 'our heartbeat and our best friend', "the band", "Saltmarsh Kings", "said in a statement"),
 (D, 'Lenny didn’t play the drums so much as lean on them,', "Delaney", "Frank Delaney", "said"),
 (D, 'Everybody else in the band could be having a terrible night and he’d just keep rolling along, and you’d find your way back to him.', "Delaney", "Frank Delaney", None),
 (D, 'He was seventeen and he was the only thing in the room worth listening to,', "she", "Rosa Quint", "said"),
 (D, 'I went up to him afterwards and asked if he wanted a job. He said he already had one, at the docks. I told him to keep it, because we couldn’t pay him.', "she", "Rosa Quint", None),
 (I, 'he had turned down well-paid session work more than once', "Osei", "Lenny Osei", "told BBC Radio Carrow"),
 # floating paragraph after Osei's indirect statement
 (D, 'I’d have had to play somebody else’s songs with people I didn’t much like. Here I get to play our songs with my mates. What’s better than that?', "Osei", "Lenny Osei", None),
 (D, 'Lenny made us promise,', "Rourke", "Tommy Rourke", "said"),
 (D, 'He said if we cancelled a single gig on his account he’d come back and haunt us, and I believe him.', "Rourke", "Tommy Rourke", None),
 (P, 'a proper send-off', "the band", "Saltmarsh Kings", "said"),
],
"science-bees": [
 (P, 'a kind of heat fog', "the authors", "the authors", "describe"),
 (D, 'We expected the heat to slow them down, but we didn’t expect them to get lost,', "Dr. Imogen Sayers, an ecologist at Eastmere who led the study", "Imogen Sayers", "said"),
 (D, 'On the hottest afternoons, some bees flew in circles within sight of the nest.', "Dr. Imogen Sayers, an ecologist at Eastmere who led the study", "Imogen Sayers", None),
 (D, 'This is a careful, well-designed study,', "Prof. Wieczorek", "Tomasz Wieczorek", "said"),
 (D, 'What worries me is that navigation is the kind of thing you don’t notice is failing until colonies start to collapse.', "Prof. Wieczorek", "Tomasz Wieczorek", None),
 (D, 'Wild bees have a lifetime of experience of their patch,', "the professor", "Tomasz Wieczorek", "told the Eastmere Courier"),
 (D, 'They might cope better. Or they might not. We need to go out and look.', "the professor", "Tomasz Wieczorek", None),
 (D, 'If we’re right, this matters well beyond bees,', "she", "Imogen Sayers", "said"),
 (D, 'Lots of insects find their way by landmarks, and a lot of our food depends on them.', "she", "Imogen Sayers", None),
],
"crime-burglaries": [
 (D, 'We believe these arrests will bring real relief to a neighbourhood that has been on edge for weeks,', "police spokesperson Karen Ashby", "Karen Ashby", "said"),
 (D, 'But the investigation is not over, and we still need to hear from residents.', "police spokesperson Karen Ashby", "Karen Ashby", None),
 (D, "Without the footage from residents, we'd still be looking,", "the detective", "Paul Mendes", "said"),
 (D, 'People sent us hours of video. Most of it was no use, but a few seconds of it were exactly what we needed.', "the detective", "Paul Mendes", None),
 (D, 'If you think something of yours was in that van, call us,', "he", "Paul Mendes", "said"),
 (D, 'Bring a photo or a receipt if you have one.', "he", "Paul Mendes", None),
 (D, "They took my late husband's watch. That's the only thing I care about,", "Doyle", "Margaret Doyle", "said"),
 (D, 'The rest is just stuff.', "Doyle", "Margaret Doyle", None),
 (D, 'It got to the point where every time a car slowed down outside, someone would post about it,', "Patel", "Raj Patel", "said"),
 (D, "We'd ask people not to speculate about who these men are,", "she", "Karen Ashby", "added"),
],
"transfer-striker": [
 (D, 'We are delighted to welcome Mateo to Kestrel City,', "the club", "Kestrel City", "said in a statement"),
 (D, 'He is a proven goalscorer and a player our supporters will love.', "the club", "Kestrel City", None),
 (P, 'a real plan', "His agent, Diego Ferraz", "Diego Ferraz", "said"),
 (D, 'Mateo didn’t come here for the money. He could have earned more elsewhere,', "Ferraz", "Diego Ferraz", "told the Daily Sport"),
 (D, 'He came because the manager sat with him for three hours and showed him exactly how he would play.', "Ferraz", "Diego Ferraz", None),
 (D, 'There were a few days when I thought it was finished,', "the agent", "Diego Ferraz", "said"),
 (D, 'But both clubs wanted it, and in the end that’s what matters.', "the agent", "Diego Ferraz", None),
 (D, 'We’ve been creating chances and not taking them,', "Holt", "Graham Holt", "said"),
 (D, 'Mateo takes them. It’s as simple as that.', "Holt", "Graham Holt", None),
 # floating paragraph: the previous speaker's
 (D, 'I watched every one of his goals from last season. Some of them I watched three or four times.', "Holt", "Graham Holt", None),
 (D, 'I feel strong. I have been training on my own for three weeks, waiting for this,', "he", "Mateo Ruiz", "said"),
],
"outage-ice-storm": [
 (D, 'This is the worst ice damage we have seen on our system in more than twenty years,', "Tri-County Electric", "Tri-County Electric", "said in a statement"),
 (D, "Crews are working around the clock, and we are grateful for our customers' patience.", "Tri-County Electric", "Tri-County Electric", None),
 (D, "In some places we're not repairing lines, we're rebuilding them from the poles up,", "Harcourt", "Denise Harcourt", "said"),
 (D, "That takes time, and we won't cut corners on safety to go faster.", "Harcourt", "Denise Harcourt", None),
 (D, "We're sleeping in our coats,", "Jim Kessler, 71, who lives with his wife in a farmhouse off Route 9", "Jim Kessler", "said"),
 (D, "I've got a wood stove, so we're luckier than most. But the pipes froze last night.", "Jim Kessler, 71, who lives with his wife in a farmhouse off Route 9", "Jim Kessler", None),
 (D, 'A lot of them are elderly and live alone,', "she", "Bethany Adair", "said"),
 (D, "Some of them wouldn't have called anybody. We had volunteers going door to door.", "she", "Bethany Adair", None),
 (D, 'A generator in the garage with the door open is still a generator in the garage,', "Serrano", "Luis Serrano", "said"),
 (D, 'Put it outside, at least twenty feet from the house.', "Serrano", "Luis Serrano", None),
 (P, 'the most aggressive trimming program in the state', "Harcourt", "Denise Harcourt", "said"),
 (D, 'No amount of trimming prepares you for an inch of ice on every branch in the county,', "she", "Denise Harcourt", "said"),
],
"bridge-closure": [
 (D, 'The bridge is not going to fall down tomorrow, and I want to be very clear about that,', "Raman", "Priya Raman", "said"),
 (D, 'But we cannot keep putting 11,000 cars a day across it and be confident it will stay that way.', "Raman", "Priya Raman", None),
 (D, 'We looked at every option,', "Raman", "Priya Raman", "said"),
 (D, 'None of them made the structure safe enough.', "Raman", "Priya Raman", None),
 # the same quotation continued over a second paragraph (no closing mark before it)
 (D, 'The honest answer is that this bridge has reached the end of its life, and the only responsible thing to do is to close it and build a new one.', "Raman", "Priya Raman", None),
 (D, "Eighteen months is a long time when you're a small business,", "Holloway", "Claire Holloway", "said"),
 (D, "If people get used to shopping somewhere else, they won't come back when the bridge opens.", "Holloway", "Claire Holloway", None),
 (P, 'a hammer blow', "The Coldmarsh Chamber of Commerce", "Coldmarsh Chamber of Commerce", "called"),
 (D, 'Nobody wanted this. But the alternative is worse,', "Greaves", "Martin Greaves", "said"),
 (D, 'the new bridge will be wider, with a cycle lane and proper footpaths on both sides, and it will be built to last a hundred years.', "Greaves", "Martin Greaves", "according to"),
],
}

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus-holdout"))
    import mkgold
    mkgold.write(sys.argv[1], G, "hand-annotated for this project, written blind (without reading the summarizer's rules) and measured once")
