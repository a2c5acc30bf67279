// The shell's own strings; each screen module carries its own.
export const shellStrings = {
  en: {
    skip: 'Skip to content', screens: 'Screens', signIn: 'Sign in', signOut: 'Sign out',
    password: 'Password', confirmPassword: 'Repeat the password',
    setupTitle: 'Welcome — choose a panel password',
    setupIntro: 'This panel shows your home\'s energy and decides what leaves it. There is no default password: choose one with at least 8 characters. You will need it to change anything.',
    setupSubmit: 'Set password and continue',
    signInTitle: 'Sign in', signInIntro: 'Enter the panel password of this home.',
    passwordsDiffer: 'The two passwords differ.', wrongPassword: 'That password is not right.',
    tooManyAttempts: 'Too many attempts. Wait a minute and try again.',
    linkUp: 'Meter link up', linkDown: 'Meter link down', reconnecting: 'Reconnecting…',
    lastReading: 'Last reading', storeProblem: 'Storage problem: ', clockUnsynced: 'Clock not synchronised',
  },
  ja: {
    skip: '本文へ移動', screens: '画面', signIn: 'ログイン', signOut: 'ログアウト',
    password: 'パスワード', confirmPassword: 'パスワード（確認）',
    setupTitle: 'ようこそ — パネルのパスワードを設定してください',
    setupIntro: 'このパネルは家庭のエネルギーを表示し、何を外部に送るかを決めます。初期パスワードはありません。8文字以上のパスワードを設定してください。設定の変更に必要です。',
    setupSubmit: 'パスワードを設定して続ける',
    signInTitle: 'ログイン', signInIntro: 'この家庭のパネルのパスワードを入力してください。',
    passwordsDiffer: '2つのパスワードが一致しません。', wrongPassword: 'パスワードが違います。',
    tooManyAttempts: '試行回数が多すぎます。1分待ってからもう一度お試しください。',
    linkUp: 'メーター接続中', linkDown: 'メーターと通信できません', reconnecting: '再接続中…',
    lastReading: '最終受信', storeProblem: '記録エラー: ', clockUnsynced: '時計が未同期です',
  },
};
