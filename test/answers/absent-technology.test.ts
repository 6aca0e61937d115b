import { describe, expect, it } from 'vitest';
import { absentTechnologies, technologyNames } from '../../src/answers/absent-technology.js';
import { weighQueryTerms } from '../../src/answers/term-weights.js';
import { lexicalIndexJson, loadLexicalIndex } from '../../src/index/lexical-index.js';
import { parseNote } from '../../src/notes/parse-note.js';

const text = ['# DemoConf 2031', '', '## Servers in Node.js', '', 'We ran Node.js and Kubernetes for the shop, with Helm charts.', 'The workers are written in Go.', ''].join('\n');
const note = parseNote({ file: 'demo.md', text, encoding: 'UTF-8', hash: 'h' });
const index = loadLexicalIndex(lexicalIndexJson(note.passages));
const store = { documentFrequency: async (terms: readonly string[]) => index.documentFrequency(terms) };
const absentIn = async (question: string) =>
  absentTechnologies(store, await weighQueryTerms(store, question, note.passages.length));

describe('technologyNames', () => {
  it('gives a technology all its names, with and without a suffix such as "js"', () => {
    expect(technologyNames('NodeJS')).toEqual(expect.arrayContaining(['nodejs', 'node']));
    expect(technologyNames('golang')).toEqual(expect.arrayContaining(['go', 'golang']));
    // "mysql" less "sql" would be "my", which every note uses.
    expect(technologyNames('mysql')).toContain('mysql');
    expect(technologyNames('mysql')).not.toContain('my');
    expect(technologyNames('elm')).toEqual(['elm', 'elmlang']);
  });

  it('leaves out words that are not technologies, and names that are everyday words', () => {
    expect(technologyNames('servers')).toEqual([]);
    expect(technologyNames('express')).toEqual([]);
  });
});

describe('absentTechnologies', () => {
  it('names the technologies of a question that no note mentions under any name', async () => {
    expect(await absentIn('did anyone build the shop with elm?')).toEqual(['elm']);
    expect(await absentIn('did anyone run the shop on kubernetes?')).toEqual([]);
    // "Node.js" in the notes mentions what a question calls "nodejs".
    expect(await absentIn('servers in nodejs?')).toEqual([]);
  });

  it('finds a technology under its other names', async () => {
    expect(await absentIn('workers in golang?')).toEqual([]);
    expect(await absentIn('workers in mysql?')).toEqual(['mysql']);
  });
});
