package kr.qfeedback.feedback;

/** The grades of national technical qualifications (국가기술자격법 9조), as named in the API. */
public enum Grade {
    PROFESSIONAL_ENGINEER,
    MASTER_CRAFTSMAN,
    ENGINEER,
    INDUSTRIAL_ENGINEER,
    CRAFTSMAN,
    SERVICE;

    /** 기술사 take an interview as their second stage; every other grade a practical exam. */
    public Stage secondStage() {
        return this == PROFESSIONAL_ENGINEER ? Stage.INTERVIEW : Stage.PRACTICAL;
    }
}
