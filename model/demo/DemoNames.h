#pragma once

// The demo unit's vocabulary: name lists, an invented city, and the phrases that case summaries,
// leads, notes and reasons are built from. All of it was written for CaseBoard; nothing comes
// from a real data set, and any match of a generated name with a real person is chance.
//
// Demo content is data, like what a detective types, so it is not translated: the same seed
// gives the same case file in every locale. Placeholders in braces ({block}, {person}, ...)
// are filled in by the generator.

#include <QStringView>

#include <span>

namespace cb::demo::words {

// The tables are laid out by hand, several entries a line, to keep them readable.
// clang-format off

// --- people --------------------------------------------------------------------------------

inline constexpr QStringView kMaleFirst[] = {
    u"James",   u"Marcus",  u"Andre",   u"Darnell", u"Luis",     u"Carlos",   u"Miguel",  u"José",
    u"Kevin",   u"Brian",   u"Anthony", u"Terrell", u"DeShawn",  u"Malik",    u"Jamal",   u"Omar",
    u"Ahmed",   u"Hassan",  u"Tuan",    u"Minh",    u"Wei",      u"Jin",      u"Hiroshi", u"Raj",
    u"Arjun",   u"Sanjay",  u"Ivan",    u"Dmitri",  u"Tomasz",   u"Piotr",    u"Patrick", u"Sean",
    u"Liam",    u"Ethan",   u"Noah",    u"Caleb",   u"Isaiah",   u"Elijah",   u"Xavier",  u"Jorge",
    u"Alejandro", u"Ricardo", u"Mateo", u"Diego",   u"Rafael",   u"Kwame",    u"Kofi",    u"Emeka",
    u"Tyrone",  u"Dwayne",  u"Curtis",  u"Gregory", u"Raymond",  u"Victor",   u"Samuel",  u"Daniel",
    u"Michael", u"Robert",  u"David",   u"Joseph",  u"Lamar",    u"Cedric",   u"Hector",  u"Andrés",
};

inline constexpr QStringView kFemaleFirst[] = {
    u"Maria",   u"Ana",     u"Sofia",    u"Lucía",   u"Carmen",   u"Rosa",     u"Gabriela", u"Valeria",
    u"Keisha",  u"Tamika",  u"Aaliyah",  u"Imani",   u"Jasmine",  u"Monique",  u"Latoya",   u"Ebony",
    u"Danielle", u"Nicole", u"Jennifer", u"Jessica", u"Ashley",   u"Emily",    u"Hannah",   u"Megan",
    u"Sarah",   u"Rachel",  u"Laura",    u"Karen",   u"Linda",    u"Patricia", u"Mei",      u"Lin",
    u"Yuki",    u"Hana",    u"Priya",    u"Anjali",  u"Fatima",   u"Aisha",    u"Leila",    u"Noor",
    u"Olga",    u"Katarzyna", u"Agnieszka", u"Siobhan", u"Grace", u"Chloe",    u"Zoe",      u"Naomi",
    u"Ruth",    u"Esther",  u"Adaeze",   u"Ngozi",   u"Amara",    u"Linh",     u"Mariana",  u"Paola",
    u"Beatriz", u"Denise",  u"Theresa",  u"Renée",   u"Yolanda",  u"Shanice",  u"Destiny",  u"Ines",
};

inline constexpr QStringView kSurnames[] = {
    u"Johnson",  u"Williams",  u"Brown",     u"Jones",     u"Davis",     u"Miller",    u"Wilson",    u"Moore",
    u"Taylor",   u"Anderson",  u"Thomas",    u"Jackson",   u"White",     u"Harris",    u"Martin",    u"Thompson",
    u"Robinson", u"Clark",     u"Lewis",     u"Walker",    u"Hall",      u"Allen",     u"Young",     u"King",
    u"Wright",   u"Scott",     u"Green",     u"Baker",     u"Adams",     u"Nelson",    u"Carter",    u"Mitchell",
    u"Roberts",  u"Turner",    u"Phillips",  u"Campbell",  u"Parker",    u"Evans",     u"Edwards",   u"Collins",
    u"Stewart",  u"Morris",    u"Rogers",    u"Reed",      u"Cook",      u"Bell",      u"Murphy",    u"Bailey",
    u"Cooper",   u"Richardson", u"Washington", u"Jefferson", u"Banks",   u"Freeman",   u"Gaines",    u"Pryor",
    u"Hollis",   u"García",    u"Rodríguez", u"Martínez",  u"Hernández", u"López",     u"González",  u"Pérez",
    u"Sánchez",  u"Ramírez",   u"Torres",    u"Flores",    u"Rivera",    u"Gómez",     u"Díaz",      u"Morales",
    u"Ortiz",    u"Castillo",  u"Vargas",    u"Mendoza",   u"Nguyen",    u"Tran",      u"Pham",      u"Le",
    u"Kim",      u"Park",      u"Lee",       u"Chen",      u"Wang",      u"Liu",       u"Zhang",     u"Huang",
    u"Patel",    u"Shah",      u"Singh",     u"Khan",      u"Ali",       u"Hussein",   u"Haddad",    u"Okafor",
    u"Okonkwo",  u"Adeyemi",   u"Mensah",    u"Kowalski",  u"Nowak",     u"Novak",     u"Petrov",    u"O'Brien",
    u"Sullivan", u"Kelly",     u"Byrne",     u"Schmidt",   u"Weber",     u"Rossi",     u"Russo",     u"Santos",
    u"Silva",    u"Yilmaz",    u"Cohen",     u"Levy",      u"Abernathy", u"Whitfield", u"Oyelaran",  u"Castellanos",
};

// Street names of suspects and persons of interest, as witnesses and tipsters give them.
inline constexpr QStringView kNicknames[] = {
    u"Lil Man", u"Tiny",   u"Boo",     u"Ace",   u"Smoke",  u"Dre",   u"Pooh",   u"Scooter",
    u"Bird",    u"Skinny", u"Red",     u"Juice", u"Taz",    u"Bam",   u"Ghost",  u"Shorty",
    u"Money",   u"K-Dog",  u"Peanut",  u"Dub",   u"Cheese", u"Slim",  u"Nephew", u"Rico",
};

// --- the invented city: five areas, ten districts --------------------------------------------

inline constexpr QStringView kAreas[] = {u"Harbor", u"Northside", u"Central", u"Eastgate", u"Southfield"};

struct District {
    QStringView number;
    int area;   // index into kAreas
    int weight; // relative share of the city's homicides
    QStringView neighborhoods[2];
};

inline constexpr District kDistricts[] = {
    {u"01", 2, 4, {u"Old Market", u"Civic Center"}},
    {u"02", 2, 6, {u"Riverside", u"Mill Row"}},
    {u"03", 0, 10, {u"Dockside", u"Ferry Point"}},
    {u"04", 0, 8, {u"Saltmarsh", u"Cannery Hill"}},
    {u"05", 1, 4, {u"Maple Heights", u"Lindenwood"}},
    {u"06", 1, 7, {u"Kessler Park", u"Brewer's Yard"}},
    {u"07", 3, 12, {u"Foundry Flats", u"Eastgate Commons"}},
    {u"08", 3, 11, {u"Tanner Court", u"Railside"}},
    {u"09", 4, 14, {u"Southfield Gardens", u"Cypress Bend"}},
    {u"10", 4, 13, {u"Lower Vale", u"Pike Crossing"}},
};

inline constexpr QStringView kStreets[] = {
    u"Ashgrove Ave",  u"Birchmont St",  u"Calloway Ave",  u"Dresden St",    u"Eldridge Ave",  u"Fenwick St",
    u"Garland Ave",   u"Halvorsen St",  u"Ingram Ave",    u"Juniper St",    u"Kestrel Ave",   u"Larkspur St",
    u"Merriweather Ave", u"Norcross St", u"Oakhurst Ave", u"Pemberton St",  u"Quarry Rd",     u"Rosedale Ave",
    u"Selwyn St",     u"Thornbury Ave", u"Upland St",     u"Vantage Ave",   u"Whitcomb St",   u"Yarrow Ave",
    u"Marlow Ave",    u"Harrow St",     u"Cobalt St",     u"Foundry Rd",    u"Ferry St",      u"Canal St",
    u"Wharf Rd",      u"Tannery Ln",    u"Mill Ave",      u"Orchard St",    u"Prairie Ave",   u"Station St",
    u"Beacon Ave",    u"Lantern St",    u"Copper St",     u"Granite Ave",   u"Bluff Rd",      u"Crestline Dr",
    u"Meadowbrook Dr", u"Summit Ave",   u"Parkview Ter",  u"Willowmere St", u"39th St",       u"47th St",
    u"51st St",       u"63rd St",       u"71st St",       u"Commerce Blvd",
};

inline constexpr QStringView kDirections[] = {u"N", u"S", u"E", u"W"};

inline constexpr QStringView kPlaces[] = {
    u"on the sidewalk",          u"in a parked car",         u"inside a residence",
    u"in an alley",              u"outside a corner store",  u"at a house party",
    u"in a park",                u"in the stairwell of an apartment building",
    u"at a gas station",         u"in a vacant lot",         u"at a bus stop",
    u"in the parking lot of a bar",
};

inline constexpr QStringView kBusinesses[] = {
    u"the corner store", u"the gas station", u"the laundromat", u"the liquor store", u"the tire shop",
    u"the transit authority (bus cameras)", u"the elementary school", u"the church", u"the currency exchange",
};

// --- case summaries ----------------------------------------------------------------------------

// Indexed by cb::Weapon.
inline constexpr QStringView kWeaponPhrase[] = {
    u"shot",                               // handgun
    u"shot with a rifle",                  // rifle
    u"shot with a shotgun",                // shotgun
    u"shot",                               // firearm_other
    u"stabbed",                            // knife
    u"beaten with a blunt object",         // blunt_object
    u"beaten",                             // hands
    u"strangled",                          // strangulation
    u"died in a deliberately set fire",    // fire
    u"deliberately struck by a vehicle",   // vehicle
    u"poisoned",                           // poison
    u"fatally assaulted",                  // other
    u"found dead with injuries",           // unknown
};

// Indexed by cb::Circumstance.
inline constexpr QStringView kCircumstancePhrase[] = {
    u"Witnesses describe an argument shortly before.",
    u"Domestic incident; the victim's partner is being sought.",
    u"Believed to be part of an ongoing gang conflict.",
    u"Believed to be related to narcotics sales in the area.",
    u"Apparent robbery; the victim's phone and wallet were taken.",
    u"Possible retaliation for an earlier shooting nearby.",
    u"Child abuse; the caregivers are being interviewed.",
    u"Circumstances under investigation.",
    u"Motive unknown.",
};

// --- leads ---------------------------------------------------------------------------------------

inline constexpr QStringView kLeadTipLine[] = {
    u"Tip line caller says a man known as \"{nick}\" was bragging about the shooting; identify and locate",
    u"Anonymous tip: the vehicle used is parked behind a house on the {block}; verify",
    u"Tip line caller names {person} as present at the scene; interview",
    u"Crime Stoppers tip about a handgun offered for sale after the incident; follow up",
};
inline constexpr QStringView kDoneTipLine[] = {
    u"Caller reached again; details passed to the case team and added to the file",
    u"Vehicle found where the caller said; towed for processing",
    u"Person identified and interviewed; statement in the file",
};
inline constexpr QStringView kNoValueTipLine[] = {
    u"No value: the caller could not be reached again",
    u"No value: the information could not be corroborated",
};
inline constexpr QStringView kLeadWitness[] = {
    u"Re-interview {person}, who saw the offender run from the scene",
    u"Interview {person} about threats made to the victim in recent weeks",
    u"Locate and interview {person}, who called 911",
    u"Show a photo array to {person}",
    u"Interview the victim's employer about recent disputes",
};
inline constexpr QStringView kDoneWitness[] = {
    u"Statement taken and added to the file",
    u"The witness picked out the person of interest in the photo array",
    u"Interviewed; confirms the timeline of the evening",
};
inline constexpr QStringView kNoValueWitness[] = {
    u"No value: the witness could not be located",
    u"No value: the witness did not see the offender",
};
inline constexpr QStringView kLeadCanvass[] = {
    u"Canvass the {block} for witnesses and doorbell cameras",
    u"Second canvass of the {block} at the hour of the incident",
    u"Canvass the bus stop and the stores near the {block}",
};
inline constexpr QStringView kDoneCanvass[] = {
    u"Two residents heard the shots; statements taken",
    u"Doorbell video recovered from a house on the block",
    u"A resident saw a dark sedan idling before the incident; statement taken",
};
inline constexpr QStringView kNoValueCanvass[] = {
    u"No value: no answer at most addresses, nothing from the rest",
    u"No value: nobody on the block saw or heard anything useful",
};
inline constexpr QStringView kLeadForensic[] = {
    u"Submit the recovered shell casings to NIBIN for correlation",
    u"Request expedited DNA analysis of the swabs from the door handle",
    u"Latent print comparison on the recovered firearm",
    u"Obtain the autopsy and toxicology reports from the Medical Examiner",
    u"Process the recovered vehicle for prints and DNA",
    u"Search warrant for the victim's phone records and cell tower data",
};
inline constexpr QStringView kDoneForensic[] = {
    u"NIBIN links the casings to a shooting two weeks earlier in district {district}",
    u"Lab report received; results in the file",
    u"Records obtained and reviewed; summary in the notes",
};
inline constexpr QStringView kNoValueForensic[] = {
    u"No value: the lab result was inconclusive",
    u"No value: no usable prints or DNA",
};
inline constexpr QStringView kLeadVideo[] = {
    u"Collect and review video from {business} near the {block}",
    u"Request city camera footage of the {block}, one hour either side of the incident",
    u"Review the doorbell camera footage from the house next door",
    u"Trace the suspect vehicle through license plate reader hits",
};
inline constexpr QStringView kDoneVideo[] = {
    u"Video recovered; shows a dark sedan leaving eastbound at the time of the incident",
    u"Footage shows two men walking toward the scene minutes before; stills circulated",
    u"Plate reader hit places the vehicle two blocks away ten minutes after the incident",
};
inline constexpr QStringView kNoValueVideo[] = {
    u"No value: the footage had been overwritten",
    u"No value: the camera does not cover the location",
};
inline constexpr QStringView kLeadSocial[] = {
    u"Preservation request for the social media accounts of {person}",
    u"Review posts by \"{nick}\" that mention the incident",
    u"Search warrant for the victim's messages from the night of the incident",
};
inline constexpr QStringView kDoneSocial[] = {
    u"Accounts preserved; content reviewed and summarized in the notes",
    u"Posts refer to the incident; screenshots added to the file",
};
inline constexpr QStringView kNoValueSocial[] = {
    u"No value: the account had been deleted",
    u"No value: nothing relevant in the posts",
};
inline constexpr QStringView kLeadOther[] = {
    u"Check pawn shop records for the victim's missing phone and jewelry",
    u"Verify the alibi given by {person}",
    u"Check hospital records for anyone treated for gunshot wounds that night",
    u"Ask the Gang Intelligence Unit about recent conflicts in district {district}",
};
inline constexpr QStringView kDoneOther[] = {
    u"Alibi confirmed by the employer's time records",
    u"Records checked; summary in the notes",
};
inline constexpr QStringView kNoValueOther[] = {
    u"No value: nothing found",
    u"No value: the person was excluded",
};

struct LeadWords {
    std::span<const QStringView> descriptions;
    std::span<const QStringView> done;
    std::span<const QStringView> noValue;
};

// Indexed by cb::LeadSource.
inline constexpr LeadWords kLeadWords[] = {
    {kLeadTipLine, kDoneTipLine, kNoValueTipLine},  {kLeadWitness, kDoneWitness, kNoValueWitness},
    {kLeadCanvass, kDoneCanvass, kNoValueCanvass},  {kLeadForensic, kDoneForensic, kNoValueForensic},
    {kLeadVideo, kDoneVideo, kNoValueVideo},        {kLeadSocial, kDoneSocial, kNoValueSocial},
    {kLeadOther, kDoneOther, kNoValueOther},
};

// --- notes ---------------------------------------------------------------------------------------

inline constexpr QStringView kNoteScene[] = {
    u"Responded to the scene on the {block} at {time}. Scene held by district officers; evidence "
    u"technicians photographed and processed the scene. {casings}",
    u"Arrived on scene at {time}. The victim had been taken to the trauma center and was pronounced "
    u"there. Canvass started on the {block}. {casings}",
    u"Scene on the {block} at {time}: victim found {place}. Medical Examiner's investigator on scene. {casings}",
};
inline constexpr QStringView kNoteCasings[] = {
    u"Seven 9mm casings recovered.", u"Four .40 caliber casings recovered.", u"No casings recovered.",
    u"Blood trail leads north into the alley.", u"A cell phone was recovered near the victim.",
};
inline constexpr QStringView kNoteFollowUp[] = {
    u"Notified the victim's family ({family}) in person; the family liaison officer is assigned.",
    u"Attended the autopsy. Cause of death consistent with the injuries seen at the scene; manner: homicide.",
    u"Reviewed the 911 recordings: the first caller reported the incident at {time}.",
    u"Interviewed {person} at the district station; statement recorded on video.",
    u"Received the evidence technician's report; all items inventoried.",
    u"Met the victim's family for an update on the investigation.",
    u"Discussed the evidence so far with the assigned Assistant State's Attorney.",
    u"Checked the area for more video: two businesses near the {block} have systems; footage requested.",
    u"Victim's phone submitted for extraction under a search warrant.",
    u"Follow-up canvass on the {block}: a resident heard an argument shortly before the incident.",
    u"NIBIN lead received: the casings match a shooting on the {block2}.",
    u"Person of interest known as \"{nick}\" identified through social media.",
    u"Spoke with {person}, a friend of the victim, who describes an ongoing dispute with a neighbor.",
};
inline constexpr QStringView kNoteSupervisor[] = {
    u"Case reviewed with Det. {detective}: priorities for the next two weeks agreed; overdue leads discussed.",
    u"30-day review: evidence status checked; the request for additional lab work is approved.",
    u"Supervisory review: the case file is complete and up to date.",
};
inline constexpr QStringView kNoteCorrection[] = {
    u"Correction to the note of {date}: the vehicle was a dark blue sedan, not a black one.",
    u"Correction to the note of {date}: the witness's name is spelled {person}.",
    u"Correction to the note of {date}: the 911 call came in at {time}, not as written.",
    u"Correction to the note of {date}: the interview took place at {area} Area headquarters, "
    u"not at the district station.",
};
inline constexpr QStringView kWitnessDescriptions[] = {
    u"Neighbor; heard shots and saw a man run north",
    u"Called 911; was across the street",
    u"Victim's cousin; was with the victim earlier that evening",
    u"Store clerk; served the victim minutes before",
    u"Bus driver; saw two men arguing at the stop",
    u"Declined to give a name; lives on the block",
};
inline constexpr QStringView kSuspectDescriptions[] = {
    u"Known as \"{nick}\"; drives a grey sedan",
    u"Victim's former partner",
    u"Known as \"{nick}\"; associated with a rival group",
    u"Seen with the victim shortly before the incident",
    u"Identified from video; known as \"{nick}\"",
};
inline constexpr QStringView kReactivationNews[] = {
    u"a tip line caller named the shooter",
    u"NIBIN linked the firearm to a new arrest",
    u"a witness came forward after a media appeal",
    u"a DNA profile from the scene matched in CODIS",
};

// --- arrests, clearances, reasons ---------------------------------------------------------------

inline constexpr QStringView kChargesShooting[] = {
    u"First degree murder; unlawful possession of a weapon by a felon",
    u"First degree murder; aggravated discharge of a firearm",
    u"First degree murder",
};
inline constexpr QStringView kChargesArgument[] = {u"First degree murder", u"Second degree murder"};
inline constexpr QStringView kChargesRobbery[] = {u"First degree murder; armed robbery"};
inline constexpr QStringView kChargesDomestic[] = {u"First degree murder; domestic battery", u"Second degree murder"};
inline constexpr QStringView kChargesChild[] = {u"First degree murder; aggravated battery of a child"};
inline constexpr QStringView kChargesCoOffender[] = {u"First degree murder (accountability)"};

// Exceptional clearance reasons by NIBRS code; each names what keeps the offender from arrest.
inline constexpr QStringView kExceptionalMurderSuicide =
    u"Offender died by suicide at the scene (murder-suicide); identity confirmed by the Medical Examiner";
inline constexpr QStringView kExceptionalA[] = {
    u"Offender was killed in an unrelated shooting before charges could be approved",
    u"Offender died in a traffic crash while fleeing a traffic stop",
    u"Offender died of an overdose before the arrest warrant could be served",
};
inline constexpr QStringView kExceptionalB[] = {
    u"State's Attorney declined to prosecute (not for lack of evidence): the offender is serving a "
    u"natural-life sentence for another murder",
    u"Prosecution declined by the State's Attorney: the offender is a protected witness in a federal case",
};
inline constexpr QStringView kExceptionalC[] = {
    u"Offender is in custody in another state, which denied extradition",
    u"Offender is imprisoned abroad; the extradition request was refused",
};
inline constexpr QStringView kExceptionalE[] = {
    u"Offender is a 12-year-old child, below the age of prosecution; referred to the family court, no custody taken",
};
inline constexpr QStringView kOffenderDescriptions[] = {
    u"Identified through video and a witness; known as \"{nick}\"",
    u"Named by two witnesses; confirmed by cell phone location records",
};
inline constexpr QStringView kMurderSuicideOffender = u"Victim's partner; died of a self-inflicted gunshot wound at the scene";
inline constexpr QStringView kJuvenileOffender = u"12-year-old neighbor; admitted the shooting to a relative";

inline constexpr QStringView kUnfoundedReasons[] = {
    u"Medical Examiner ruled the death an accidental overdose (toxicology: fentanyl); not a criminal homicide",
    u"Medical Examiner ruled the death natural (cardiac event); the injuries came from a fall",
    u"Medical Examiner ruled the death a suicide",
    u"State's Attorney found the shooting justified (self-defense); not a criminal homicide",
};
inline constexpr QStringView kReopenAfterArrest =
    u"Charges dismissed after the key witness recanted; the investigation is resumed";
inline constexpr QStringView kReopenAfterUnfounded =
    u"The Medical Examiner amended the manner of death to homicide after a case review";
inline constexpr QStringView kTransferDestinations[] = {
    u"the Gang Investigations Division", u"the Cold Case Unit", u"the federal violent crime task force",
    u"a district tactical team",
};

// clang-format on

} // namespace cb::demo::words
