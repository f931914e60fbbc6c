/**
 * Common English-language given names by the gender they usually mark, for resolving "he" and
 * "she". A general lexicon of frequent first names (as in national birth-name statistics), not
 * tied to any article; a name in neither list, or in both, leaves gender unknown.
 */

const MALE = `aaron abdul abraham adam adrian ahmed al alan albert alberto alex alexander alfred ali allen andre
andrew andy angelo anthony antonio arnold arthur austin barry ben benjamin bernard bernie bill billy
bob bobby boris brad bradley brandon brendan brett brian bruce bryan byron calvin carl carlos cecil
chad charles charlie chris christian christopher chuck clarence claude clay clayton clifford clint
clyde cody colin conrad corey craig curtis dale dan daniel danny darrell darren dave david dean
dennis derek devin dick dominic don donald doug douglas duane dustin dwight earl ed eddie edgar
eduardo edward edwin eli elijah elliot elliott emmanuel enrique eric erik ernest ethan eugene evan
francis francisco frank franklin fred frederick gabriel gary gene george gerald gilbert glenn gordon
graham grant greg gregory gus guy hank harold harris harry harvey hector henry herbert herman howard
hugh hugo ian isaac ivan jack jacob jake james jared jason javier jay jeff jeffrey jeremy jerome
jerry jesse jesus jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan
julian justin karl keith ken kenneth kevin kirk kurt kyle lamar lance larry lawrence leo leon
leonard leroy lewis lloyd louis luis luke malcolm marco marcus mario mark marshall martin marvin
matt matthew maurice max michael miguel mike milton mitch mitchell mohamed mohammed morris muhammad
nathan neil nelson nicholas nick noah norman oliver omar oscar owen pablo patrick paul pedro pete
peter phil philip phillip rafael ralph ramon randall randy ray raymond reggie reginald ricardo
richard rick rob robert roberto rod rodney roger roland ron ronald ross roy rudolph rudy russ
russell ryan sam samuel scott sean sergio seth shane shawn sidney stanley stephen steve steven
stuart ted terry theodore thomas tim timothy todd tom tommy tony travis trey troy tyler vernon
victor vincent vladimir wade walter warren wayne wesley will william willie xavier zach zachary`

const FEMALE = `abigail ada adriana agnes aileen alice alicia alison allison alma amanda amber amy ana andrea angela
angelica angie anita ann anna anne annette antoinette april arlene ashley audrey barbara beatrice
becky belinda bernadette beth betsy betty beverly bonnie brenda brianna bridget brittany camila
candace carla carly carmen carol caroline carolyn carrie cassandra catherine cathy cecilia charlene
charlotte chelsea cheryl christina christine cindy claire clara claudia colleen connie constance
courtney crystal cynthia daisy danielle darlene dawn debbie deborah debra denise diana diane dolores
donna dora doris dorothy edith edna eileen elaine eleanor elena elizabeth ella ellen eloise emily
emma erica erika erin esther ethel eva evelyn faith felicia florence frances gail gena geneva
georgia geraldine gina gladys glenda gloria grace gretchen gwen hannah harriet hazel heather heidi
helen hilary hillary holly hope ida irene iris isabel jacqueline jane janet janice jasmine jean
jeanne jeannie jennifer jenny jessica jill joan joann joanna joanne jodi josephine joy joyce juanita
judith judy julia julie june karen kate katherine kathleen kathryn kathy katie katrina kay kayla
kelsey kim kimberly kirsten kristen kristin krystal laura lauren laurie leah lena lillian linda lisa
lois loretta lori lorraine louise lucia lucille lucy lydia lynn mabel madeline madison maggie marcia
margaret maria marian marie marilyn marion marjorie marlene martha mary maureen maxine megan meghan
melanie melinda melissa mercedes michele michelle mildred miranda molly monica nadia nancy naomi
natalie nicole nikki nina nora norma olga olivia pamela patricia patsy paula pauline peggy penny
phyllis priscilla rachel ramona rebecca regina renee rhonda rita roberta rosa rosalind rose rosemary
ruth sabrina sally samantha sandra sara sarah sharon sheila shelby shelley sherry shirley silvia
sonia sophia stacy stella stephanie sue susan suzanne sylvia tamara tammy tanya tara teresa theresa
tiffany tina valerie vanessa vera veronica vicki victoria virginia vivian wanda wendy whitney
yolanda yvonne`

function toSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/u).filter((w) => w !== ''))
}

const MALE_NAMES = toSet(MALE)
const FEMALE_NAMES = toSet(FEMALE)

/** The gender a first name usually marks ("Maria" → female), or null when unknown or shared. */
export function genderOfFirstName(name: string): 'male' | 'female' | null {
  const word = name.toLowerCase()
  const isMale = MALE_NAMES.has(word)
  const isFemale = FEMALE_NAMES.has(word)
  if (isMale === isFemale) return null
  return isMale ? 'male' : 'female'
}
