import { describe, expect, it } from 'vitest';
import { conferencesNamedIn, otherEditionsIn, yearsAsked } from '../../src/retrieval/conference-match.js';

const conferences = ['QCon London 2014', 'dotScale 2014', 'MiXiT 2018', 'MiXiT 2022', 'ScaleConf 2017'];

describe('conferencesNamedIn', () => {
  it('finds a conference named with accents or case changed', () => {
    expect(conferencesNamedIn('quels talks à DotScale ?', conferences)).toEqual(['dotScale 2014']);
  });

  it('uses the year to tell editions apart, and matches every edition without one', () => {
    expect(conferencesNamedIn('mixit 2018 estimates', conferences)).toEqual(['MiXiT 2018']);
    expect(conferencesNamedIn('is mixit worth the trip?', conferences)).toEqual(['MiXiT 2018', 'MiXiT 2022']);
    expect(conferencesNamedIn('mix it 2022?', conferences)).toEqual(['MiXiT 2022']);
  });

  it('prefers the edition of the year asked to a name without a year', () => {
    const named = ['dotScale', 'DotScale Paris 2017', 'Paris Web 2010'];
    expect(conferencesNamedIn('dotscale 2017: could the audience ask questions?', named)).toEqual(['DotScale Paris 2017']);
    expect(conferencesNamedIn('dotscale 2014, the venue', named)).toEqual(['dotScale']);
    // Without a year, every edition carrying the name.
    expect(conferencesNamedIn('what did dotscale say about consul?', named)).toEqual(['dotScale', 'DotScale Paris 2017']);
    expect(conferencesNamedIn('netflix at qcon ny', ['QCon 2012', 'QCon London 2014', 'QCon New York 2015', 'dotScale'])).toEqual(['QCon 2012', 'QCon London 2014', 'QCon New York 2015']);
    // With one, every edition of that year carrying the name: notes name one event in many ways.
    expect(conferencesNamedIn('netflix at qcon 2012', ['QCon 2012', 'QCon London 2012', 'QCon London 2014'])).toEqual(['QCon 2012', 'QCon London 2012']);
  });

  it('reads a name with its country glued on as the name, as folders write editions', () => {
    const named = ['Fournilfr 2031', 'Fournil Days 2030', 'Mixit 2031', 'Touraine Tech 2031'];
    // Without a year, every edition carrying the name.
    expect(conferencesNamedIn('what did they bake at fournil?', named)).toEqual(['Fournilfr 2031', 'Fournil Days 2030']);
    expect(conferencesNamedIn('fournilfr 2031: the rye talk', named)).toEqual(['Fournilfr 2031']);
    // A name of three letters is too short to carry a country: "mixit" is no "mix" in Italy.
    expect(conferencesNamedIn('mix 2031', named)).toEqual([]);
  });

  it('needs every distinctive word, or the year and a word no other conference of that year shares', () => {
    expect(conferencesNamedIn('what about london?', conferences)).toEqual([]);
    const named = ['Blend Web Mix 2016', 'Paris Web 2016', 'Velocity Europe 2015', 'Velocity NY 2016'];
    expect(conferencesNamedIn('the google speaker at blend 2016', named)).toEqual(['Blend Web Mix 2016']);
    expect(conferencesNamedIn('velocity eu 2015 snyk demo', named)).toEqual(['Velocity Europe 2015']);
    expect(conferencesNamedIn('best web talk of 2016?', named)).toEqual([]);
    expect(conferencesNamedIn('velocity snyk demo', named)).toEqual([]);
  });
});

describe('yearsAsked', () => {
  const editions = ['KubeCon 2018', 'KubeCon 2019', 'strangeloop 2023', 'ScaleConf 2017'];

  it('reads two digits after a conference named by its words as the year of one of its editions', () => {
    expect(yearsAsked("kubecon 18 lightning talks, which ones?", editions)).toEqual(['2018']);
    expect(yearsAsked('julia evans at strange loop 23: her tips?', editions)).toEqual(['2023']);
    expect(conferencesNamedIn("kubecon '18 lightning talks", editions)).toEqual(['KubeCon 2018']);
    expect(otherEditionsIn('kubecon 18 lightning talks', editions)).toEqual(['KubeCon 2019']);
  });

  it('leaves two digits an amount without a conference, or beside a year or an edition it does not end', () => {
    expect(yearsAsked('why are short ~18 minute talks better?', editions)).toEqual([]);
    expect(yearsAsked('kubecon 2019: 18 clusters?', editions)).toEqual(['2019']);
    expect(yearsAsked('scaleconf: 40 nodes or 18?', editions)).toEqual([]);
  });
});

describe('otherEditionsIn', () => {
  it('finds the editions of a conference other than the year asked', () => {
    expect(otherEditionsIn('mixit 2022 keynotes', conferences)).toEqual(['MiXiT 2018']);
    expect(otherEditionsIn('dotscale 2017, the venue', [...conferences, 'DotScale Paris 2017'])).toEqual(['dotScale 2014']);
    // Notes named without a year are another edition when the year asked has its own.
    expect(otherEditionsIn('dotscale 2017, the venue', ['dotScale', 'DotScale Paris 2017'])).toEqual(['dotScale']);
    expect(otherEditionsIn('dotscale 2014, the venue', ['dotScale', 'DotScale Paris 2017'])).toEqual(['DotScale Paris 2017']);
  });

  it('finds none when the question gives no year or names no conference', () => {
    expect(otherEditionsIn('mixit keynotes', conferences)).toEqual([]);
    expect(otherEditionsIn('what happened in 2019?', conferences)).toEqual([]);
  });
});
