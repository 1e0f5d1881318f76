import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import { SignInForm } from './SignInForm';

const ada = { id: 'u1', email: 'ada@example.test', name: 'Ada Lovelace', isSystemAdmin: false };

function fillIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(restoreFetch);

describe('SignInForm', () => {
  it('is a labelled form with one submit button and no alert before submitting', () => {
    render(<SignInForm onSignedIn={jest.fn()} />);

    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveAttribute('type', 'submit');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows the server's message in an alert when the credentials are wrong", async () => {
    const calls = stubGraphQL({
      Login: () => gqlError('UNAUTHENTICATED', 'Email or password is incorrect.'),
    });
    const onSignedIn = jest.fn();
    render(<SignInForm onSignedIn={onSignedIn} />);

    fillIn('ada@example.test', 'wrong password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.variables).toEqual({ email: 'ada@example.test', password: 'wrong password' });
    // The form stays usable: the typed email is kept and the button is enabled again.
    expect(screen.getByLabelText('Email')).toHaveValue('ada@example.test');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('marks the field a BAD_USER_INPUT error names as invalid', async () => {
    stubGraphQL({
      Login: () => gqlError('BAD_USER_INPUT', 'email is not an email address.', { field: 'email' }),
    });
    render(<SignInForm onSignedIn={jest.fn()} />);

    fillIn('ada@example.test', 'secret');

    expect(await screen.findByRole('alert')).toHaveTextContent('email is not an email address.');
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
  });

  it('hands the signed-in user over on success', async () => {
    stubGraphQL({ Login: () => ({ data: { login: ada } }) });
    const onSignedIn = jest.fn();
    render(<SignInForm onSignedIn={onSignedIn} />);

    fillIn('  ada@example.test ', 'correct horse');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(ada));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
