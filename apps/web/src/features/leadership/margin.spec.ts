import { decisionMargin } from './margin';

describe(decisionMargin.name, () => {
  it('says before or after the due date, and by how many days', () => {
    expect(decisionMargin(-1)).toEqual({ verdict: 'ON_TIME', words: '1 day before the due date' });
    expect(decisionMargin(15)).toEqual({ verdict: 'LATE', words: '15 days after the due date' });
    expect(decisionMargin(2.46)).toEqual({ verdict: 'LATE', words: '2.5 days after the due date' });
    expect(decisionMargin(0)).toEqual({ verdict: 'ON_TIME', words: 'On the due date' });
    expect(decisionMargin(0.01)).toEqual({ verdict: 'LATE', words: 'On the due date' });
    expect(decisionMargin(null)).toEqual({ verdict: 'UNTIMED', words: 'No due date' });
  });
});
